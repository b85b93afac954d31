import { textLimits, type ApproverGroup } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import {
  CreateDialog,
  CreateForm,
  DescriptionField,
  type CreateDialogProps,
} from '../../components/ui/create-dialog';
import { FieldError } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { LimitedField } from '../../components/ui/limited-field';
import { PersonChecklist } from '../../components/ui/person-checklist';
import { Skeleton } from '../../components/ui/spinner';
import { useFormState, type FormState } from '../../components/ui/use-form-state';
import { trpc } from '../../lib/trpc';
import type { People } from '../tasks/use-people';
import {
  emptyGroupForm,
  validateGroupForm,
  type CreateGroupData,
  type GroupFormValues,
} from './group-form';

/** Who is in the group: a checklist of everyone, each told when the group is created. */
function MembersField({
  form: { values, errors, change },
  people,
}: {
  form: FormState<GroupFormValues, CreateGroupData>;
  people: People;
}) {
  const membersHintId = useId();
  const membersErrorId = useId();
  const selected = values.memberIds.length;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 flex w-full items-baseline justify-between text-sm font-medium text-fg">
        Members
        <span className="text-xs font-normal text-fg-muted tabular-nums">{selected} selected</span>
      </legend>
      {people.isLoading ? (
        <div className="flex flex-col gap-2 rounded-md border border-line p-2">
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
        </div>
      ) : people.isError ? (
        <FieldError>Couldn&apos;t load people. Close this and try again.</FieldError>
      ) : (
        <PersonChecklist
          people={people.people}
          selected={values.memberIds}
          invalid={Boolean(errors.memberIds)}
          describedBy={errors.memberIds ? membersErrorId : membersHintId}
          onChange={(memberIds) => {
            change({ memberIds });
          }}
        />
      )}
      {errors.memberIds ? (
        <FieldError id={membersErrorId}>{errors.memberIds}</FieldError>
      ) : (
        <p id={membersHintId} className="text-xs text-fg-subtle">
          Each member gets a notification that they were added.
        </p>
      )}
    </fieldset>
  );
}

function NewGroupForm({
  people,
  onCreated,
}: {
  people: People;
  onCreated: (group: ApproverGroup) => void;
}) {
  const utils = trpc.useUtils();
  const create = trpc.approverGroups.create.useMutation();
  const form = useFormState(emptyGroupForm, validateGroupForm);
  const { values, errors, text } = form;

  return (
    <CreateForm
      label="New approver group"
      submitLabel="Create group"
      form={form}
      mutation={create}
      // A taken name is about the name field: say so right under it.
      fieldForCode={{ CONFLICT: 'name' }}
      onCreated={(group) => {
        void utils.approverGroups.list.invalidate();
        const count = group.memberIds.length;
        toast.success('Approver group created', {
          description:
            count === 0
              ? group.name
              : `${group.name} · ${count} ${count === 1 ? 'member' : 'members'} notified`,
        });
        onCreated(group);
      }}
    >
      <LimitedField label="Name" error={errors.name} max={textLimits.groupName} value={values.name}>
        {(control) => (
          <Input {...control} {...text('name')} autoFocus placeholder="Finance approvers" />
        )}
      </LimitedField>
      <DescriptionField
        form={form}
        max={textLimits.groupDescription}
        rows={2}
        placeholder="What does this group sign off on?"
      />
      <MembersField form={form} people={people} />
    </CreateForm>
  );
}

export function NewGroupDialog({
  people,
  ...dialog
}: CreateDialogProps<ApproverGroup> & { people: People }) {
  return (
    <CreateDialog title="New approver group" {...dialog}>
      {(created) => <NewGroupForm people={people} onCreated={created} />}
    </CreateDialog>
  );
}
