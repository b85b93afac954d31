import { textLimits, type Task } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import {
  CreateDialog,
  CreateForm,
  DescriptionField,
  type CreateDialogProps,
} from '../../components/ui/create-dialog';
import { Field, FieldError, Label } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { LimitedField } from '../../components/ui/limited-field';
import { PersonSelect } from '../../components/ui/person-select';
import { SegmentedControl } from '../../components/ui/segmented-control';
import { useFormState, type FormState } from '../../components/ui/use-form-state';
import { cn } from '../../lib/cn';
import { trpc } from '../../lib/trpc';
import {
  emptyTaskForm,
  validateTaskForm,
  type CreateTaskData,
  type TaskFormValues,
} from './task-form';
import { priorities, priorityMeta } from './task-meta';
import type { People } from './use-people';

const priorityOptions = priorities.map((priority) => {
  const { icon: Icon, label, tone } = priorityMeta[priority];
  return {
    value: priority,
    label: (
      <>
        <Icon aria-hidden className={cn('size-4', tone)} />
        {label}
      </>
    ),
  };
});

type TaskFormState = FormState<TaskFormValues, CreateTaskData>;

function PriorityField({ form: { values, errors, change } }: { form: TaskFormState }) {
  const priorityLabelId = useId();
  return (
    <div className="flex flex-col gap-2">
      <Label id={priorityLabelId}>Priority</Label>
      <SegmentedControl
        aria-labelledby={priorityLabelId}
        value={values.priority}
        options={priorityOptions}
        onValueChange={(priority) => {
          change({ priority });
        }}
      />
      {errors.priority && <FieldError>{errors.priority}</FieldError>}
    </div>
  );
}

function AssigneeField({
  form: { values, errors, change },
  people,
}: {
  form: TaskFormState;
  people: People;
}) {
  return (
    <Field
      label="Assignee"
      error={errors.assigneeId}
      hint="They get a notification as soon as the task is created."
    >
      {(control) => (
        <PersonSelect
          {...control}
          people={people.people}
          nobodyLabel="Unassigned"
          value={values.assigneeId}
          disabled={people.isError}
          placeholder={people.isError ? "Couldn't load people" : 'Pick someone'}
          onValueChange={(assigneeId) => {
            change({ assigneeId });
          }}
        />
      )}
    </Field>
  );
}

function NewTaskForm({ people, onCreated }: { people: People; onCreated: (task: Task) => void }) {
  const utils = trpc.useUtils();
  const create = trpc.tasks.create.useMutation();
  const form = useFormState(emptyTaskForm, validateTaskForm);
  const { values, errors, text } = form;

  return (
    <CreateForm
      label="New task"
      submitLabel="Create task"
      form={form}
      mutation={create}
      onCreated={(task) => {
        void utils.tasks.list.invalidate();
        const assignee = task.assigneeId ? people.byId.get(task.assigneeId) : undefined;
        toast.success('Task created', {
          description: assignee ? `Assigned to ${assignee.name}` : task.title,
        });
        onCreated(task);
      }}
    >
      <LimitedField
        label="Title"
        error={errors.title}
        max={textLimits.taskTitle}
        value={values.title}
      >
        {(control) => (
          <Input {...control} {...text('title')} autoFocus placeholder="What needs doing?" />
        )}
      </LimitedField>
      <DescriptionField
        form={form}
        max={textLimits.taskDescription}
        placeholder="Add details, links or acceptance criteria"
      />
      <PriorityField form={form} />
      <div className="grid grid-cols-2 gap-4">
        <Field label="Due date" error={errors.dueDate}>
          {(control) => <Input {...control} type="date" {...text('dueDate')} />}
        </Field>
        <Field label="Due time" error={errors.dueTime}>
          {(control) => <Input {...control} type="time" {...text('dueTime')} />}
        </Field>
      </div>
      <AssigneeField form={form} people={people} />
    </CreateForm>
  );
}

/** "New task": the button and its dialog. The form starts empty each time it opens. */
export function NewTaskDialog({ people, ...dialog }: CreateDialogProps<Task> & { people: People }) {
  return (
    <CreateDialog title="New task" {...dialog}>
      {(created) => <NewTaskForm people={people} onCreated={created} />}
    </CreateDialog>
  );
}
