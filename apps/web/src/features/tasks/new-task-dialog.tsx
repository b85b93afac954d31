import type { Task } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import { CreateDialog, type CreateDialogProps } from '../../components/ui/create-dialog';
import { DialogBody, DialogForm, FormFooter } from '../../components/ui/dialog';
import { Field, FieldError, Label } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { FormAlert } from '../../components/ui/list-error';
import { PersonSelect } from '../../components/ui/person-select';
import { SegmentedControl } from '../../components/ui/segmented-control';
import { Textarea } from '../../components/ui/textarea';
import { useFormState } from '../../components/ui/use-form-state';
import { cn } from '../../lib/cn';
import { trpc } from '../../lib/trpc';
import { emptyTaskForm, validateTaskForm } from './task-form';
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

function NewTaskForm({ people, onCreated }: { people: People; onCreated: (task: Task) => void }) {
  const utils = trpc.useUtils();
  const create = trpc.tasks.create.useMutation();
  const form = useFormState(emptyTaskForm, validateTaskForm);
  const { values, errors, change } = form;
  const priorityLabelId = useId();

  const submit = form.submitWith(create.isPending, (data) => {
    create.mutate(data, {
      onSuccess: (task) => {
        void utils.tasks.list.invalidate();
        const assignee = task.assigneeId ? people.byId.get(task.assigneeId) : undefined;
        toast.success('Task created', {
          description: assignee ? `Assigned to ${assignee.name}` : task.title,
        });
        onCreated(task);
      },
      onError: (error) => {
        form.refused(error);
      },
    });
  });

  return (
    <DialogForm ref={form.formRef} onSubmit={submit} aria-label="New task">
      <DialogBody>
        {form.message && <FormAlert>{form.message}</FormAlert>}
        <fieldset disabled={create.isPending} className="flex flex-col gap-4">
          <Field label="Title" error={errors.title}>
            {(control) => (
              <Input
                {...control}
                name="title"
                autoFocus
                placeholder="What needs doing?"
                value={values.title}
                onChange={(event) => {
                  change({ title: event.target.value });
                }}
              />
            )}
          </Field>
          <Field label="Description (optional)" error={errors.description}>
            {(control) => (
              <Textarea
                {...control}
                name="description"
                placeholder="Add details, links or acceptance criteria"
                value={values.description}
                onChange={(event) => {
                  change({ description: event.target.value });
                }}
              />
            )}
          </Field>
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
          <div className="grid grid-cols-2 gap-4">
            <Field label="Due date" error={errors.dueDate}>
              {(control) => (
                <Input
                  {...control}
                  type="date"
                  name="dueDate"
                  value={values.dueDate}
                  onChange={(event) => {
                    change({ dueDate: event.target.value });
                  }}
                />
              )}
            </Field>
            <Field label="Due time" error={errors.dueTime}>
              {(control) => (
                <Input
                  {...control}
                  type="time"
                  name="dueTime"
                  value={values.dueTime}
                  onChange={(event) => {
                    change({ dueTime: event.target.value });
                  }}
                />
              )}
            </Field>
          </div>
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
        </fieldset>
      </DialogBody>
      <FormFooter pending={create.isPending}>Create task</FormFooter>
    </DialogForm>
  );
}

/** "New task": the button and its dialog. The form starts empty each time it opens. */
export function NewTaskDialog({
  people,
  onCreated,
  label = 'New task',
  variant,
}: Partial<CreateDialogProps> & {
  people: People;
  onCreated: (task: Task) => void;
}) {
  return (
    <CreateDialog title="New task" label={label} variant={variant}>
      {(done) => (
        <NewTaskForm
          people={people}
          onCreated={(task) => {
            done();
            onCreated(task);
          }}
        />
      )}
    </CreateDialog>
  );
}
