import { textLimits, type Lead } from '@acme/contracts';
import { useId } from 'react';
import { toast } from 'sonner';
import {
  CreateDialog,
  CreateForm,
  type CreateDialogProps,
} from '../../components/ui/create-dialog';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { LimitedField } from '../../components/ui/limited-field';
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
  form: { values, errors, text },
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
      <LimitedField
        label="Source"
        error={errors.source}
        max={textLimits.leadSource}
        value={values.source}
      >
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
      </LimitedField>
    </div>
  );
}

function NewLeadForm({ onCreated }: { onCreated: (lead: Lead) => void }) {
  const utils = trpc.useUtils();
  const create = trpc.leads.create.useMutation();
  const form = useFormState(emptyLeadForm, validateLeadForm);
  const { values, errors, text } = form;

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
      <LimitedField label="Name" error={errors.name} max={textLimits.leadName} value={values.name}>
        {(control) => (
          <Input {...control} {...text('name')} autoFocus placeholder="Who is interested?" />
        )}
      </LimitedField>
      <LimitedField
        label="Company"
        error={errors.company}
        max={textLimits.leadCompany}
        value={values.company}
      >
        {(control) => <Input {...control} {...text('company')} autoComplete="organization" />}
      </LimitedField>
      <div className="grid gap-4 sm:grid-cols-2">
        <LimitedField
          label="Email"
          error={errors.email}
          max={textLimits.leadEmail}
          value={values.email}
        >
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
        </LimitedField>
        <LimitedField
          label="Phone"
          error={errors.phone}
          max={textLimits.leadPhone}
          value={values.phone}
        >
          {(control) => <Input {...control} {...text('phone')} type="tel" />}
        </LimitedField>
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
