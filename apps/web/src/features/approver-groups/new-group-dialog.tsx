import type { ApproverGroup } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import { CreateDialog, type CreateDialogProps } from '../../components/ui/create-dialog';
import { DialogBody, DialogForm, FormFooter } from '../../components/ui/dialog';
import { Field, FieldError } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { FormAlert } from '../../components/ui/list-error';
import { PersonChecklist } from '../../components/ui/person-checklist';
import { Skeleton } from '../../components/ui/spinner';
import { Textarea } from '../../components/ui/textarea';
import { useFormState } from '../../components/ui/use-form-state';
import { trpc } from '../../lib/trpc';
import type { People } from '../tasks/use-people';
import { emptyGroupForm, validateGroupForm } from './group-form';

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
  const { values, errors, change } = form;
  const membersHintId = useId();
  const membersErrorId = useId();

  const submit = form.submitWith(create.isPending, (data) => {
    create.mutate(data, {
      onSuccess: (group) => {
        void utils.approverGroups.list.invalidate();
        const count = group.memberIds.length;
        toast.success('Approver group created', {
          description:
            count === 0
              ? group.name
              : `${group.name} · ${count} ${count === 1 ? 'member' : 'members'} notified`,
        });
        onCreated(group);
      },
      onError: (error) => {
        // A taken name is about the name field: say so right under it.
        form.refused(error, { CONFLICT: 'name' });
      },
    });
  });

  const selected = values.memberIds.length;
  return (
    <DialogForm ref={form.formRef} onSubmit={submit} aria-label="New approver group">
      <DialogBody>
        {form.message && <FormAlert>{form.message}</FormAlert>}
        <fieldset disabled={create.isPending} className="flex flex-col gap-4">
          <Field label="Name" error={errors.name}>
            {(control) => (
              <Input
                {...control}
                name="name"
                autoFocus
                placeholder="Finance approvers"
                value={values.name}
                onChange={(event) => {
                  change({ name: event.target.value });
                }}
              />
            )}
          </Field>
          <Field label="Description (optional)" error={errors.description}>
            {(control) => (
              <Textarea
                {...control}
                name="description"
                rows={2}
                placeholder="What does this group sign off on?"
                value={values.description}
                onChange={(event) => {
                  change({ description: event.target.value });
                }}
              />
            )}
          </Field>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 flex w-full items-baseline justify-between text-sm font-medium text-fg">
              Members
              <span className="text-xs font-normal text-fg-muted tabular-nums">
                {selected} selected
              </span>
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
        </fieldset>
      </DialogBody>
      <FormFooter pending={create.isPending}>Create group</FormFooter>
    </DialogForm>
  );
}

export function NewGroupDialog({
  people,
  onCreated,
  label = 'New approver group',
  variant,
}: Partial<CreateDialogProps> & {
  people: People;
  onCreated: (group: ApproverGroup) => void;
}) {
  return (
    <CreateDialog title="New approver group" label={label} variant={variant}>
      {(done) => (
        <NewGroupForm
          people={people}
          onCreated={(group) => {
            done();
            onCreated(group);
          }}
        />
      )}
    </CreateDialog>
  );
}
