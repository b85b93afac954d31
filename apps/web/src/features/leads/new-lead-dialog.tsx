import type { Lead } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import { CreateDialog, type CreateDialogProps } from '../../components/ui/create-dialog';
import { DialogBody, DialogForm, FormFooter } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { FormAlert } from '../../components/ui/list-error';
import { useFormState } from '../../components/ui/use-form-state';
import { trpc } from '../../lib/trpc';
import { emptyLeadForm, leadSources, validateLeadForm, type LeadFormValues } from './lead-form';

function NewLeadForm({ onCreated }: { onCreated: (lead: Lead) => void }) {
  const utils = trpc.useUtils();
  const create = trpc.leads.create.useMutation();
  const form = useFormState(emptyLeadForm, validateLeadForm);
  const { values, errors, change } = form;
  const sourcesId = useId();

  const submit = form.submitWith(create.isPending, (data) => {
    create.mutate(data, {
      onSuccess: (lead) => {
        void utils.leads.list.invalidate();
        toast.success('Lead created', { description: lead.name });
        onCreated(lead);
      },
      onError: (error) => {
        form.refused(error);
      },
    });
  });

  const text = (key: keyof LeadFormValues) => ({
    name: key,
    value: values[key],
    onChange: (event: { target: { value: string } }) => {
      change({ [key]: event.target.value });
    },
  });

  return (
    <DialogForm ref={form.formRef} onSubmit={submit} aria-label="New lead">
      <DialogBody>
        {form.message && <FormAlert>{form.message}</FormAlert>}
        <fieldset disabled={create.isPending} className="flex flex-col gap-4">
          <Field label="Name" error={errors.name}>
            {(control) => (
              <Input {...control} {...text('name')} autoFocus placeholder="Who is interested?" />
            )}
          </Field>
          <Field label="Company" error={errors.company}>
            {(control) => <Input {...control} {...text('company')} autoComplete="organization" />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Email" error={errors.email}>
              {(control) => (
                <Input
                  {...control}
                  {...text('email')}
                  type="email"
                  inputMode="email"
                  spellCheck={false}
                  placeholder="name@company.com"
                />
              )}
            </Field>
            <Field label="Phone" error={errors.phone}>
              {(control) => <Input {...control} {...text('phone')} type="tel" />}
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Value" error={errors.value}>
              {(control) => (
                <div className="relative">
                  <span
                    aria-hidden
                    className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-fg-muted"
                  >
                    $
                  </span>
                  <Input
                    {...control}
                    {...text('value')}
                    inputMode="decimal"
                    placeholder="12,000"
                    className="pl-7 tabular-nums"
                  />
                </div>
              )}
            </Field>
            <Field label="Source" error={errors.source}>
              {(control) => (
                <>
                  <Input {...control} {...text('source')} list={sourcesId} placeholder="Referral" />
                  <datalist id={sourcesId}>
                    {leadSources.map((source) => (
                      <option key={source} value={source} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </div>
        </fieldset>
      </DialogBody>
      <FormFooter pending={create.isPending}>Create lead</FormFooter>
    </DialogForm>
  );
}

export function NewLeadDialog({
  onCreated,
  label = 'New lead',
  variant,
}: Partial<CreateDialogProps> & {
  onCreated: (lead: Lead) => void;
}) {
  return (
    <CreateDialog title="New lead" label={label} variant={variant}>
      {(done) => (
        <NewLeadForm
          onCreated={(lead) => {
            done();
            onCreated(lead);
          }}
        />
      )}
    </CreateDialog>
  );
}
