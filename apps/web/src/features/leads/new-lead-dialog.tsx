import type { Lead } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import {
  CreateDialog,
  CreateForm,
  type CreateDialogProps,
} from '../../components/ui/create-dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { useFormState, type FormState } from '../../components/ui/use-form-state';
import { trpc } from '../../lib/trpc';
import {
  emptyLeadForm,
  leadSources,
  validateLeadForm,
  type CreateLeadData,
  type LeadFormValues,
} from './lead-form';

/** What the lead may be worth, and where it came from (with the usual sources offered). */
function DealFields({
  form: { errors, text },
}: {
  form: FormState<LeadFormValues, CreateLeadData>;
}) {
  const sourcesId = useId();
  return (
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
  );
}

function NewLeadForm({ onCreated }: { onCreated: (lead: Lead) => void }) {
  const utils = trpc.useUtils();
  const create = trpc.leads.create.useMutation();
  const form = useFormState(emptyLeadForm, validateLeadForm);
  const { errors, text } = form;

  return (
    <CreateForm
      label="New lead"
      submitLabel="Create lead"
      form={form}
      mutation={create}
      onCreated={(lead) => {
        void utils.leads.list.invalidate();
        toast.success('Lead created', { description: lead.name });
        onCreated(lead);
      }}
    >
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
      <DealFields form={form} />
    </CreateForm>
  );
}

export function NewLeadDialog(props: CreateDialogProps<Lead>) {
  return (
    <CreateDialog title="New lead" {...props}>
      {(created) => <NewLeadForm onCreated={created} />}
    </CreateDialog>
  );
}
