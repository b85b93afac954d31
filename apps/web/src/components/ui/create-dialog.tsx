import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog, DialogBody, DialogContent, FormFooter, DialogForm, DialogTrigger } from './dialog';
import type { FieldErrors } from './form-errors';
import { LimitedField } from './limited-field';
import { FormAlert } from './list-error';
import { Textarea } from './textarea';
import {
  submitWith,
  type FieldForCode,
  type FormMutation,
  type FormState,
  type TextBinding,
} from './use-form-state';

export interface CreateDialogProps<R> {
  /** The button's text; the dialog's title unless set. */
  label?: string;
  variant?: 'primary' | 'secondary';
  onCreated: (record: R) => void;
}

/**
 * A "New …" button and its dialog. The form is rendered afresh each time the dialog opens;
 * it calls `created` once it has created the record, which closes the dialog.
 */
export function CreateDialog<R>({
  title,
  label = title,
  variant = 'primary',
  onCreated,
  children,
}: CreateDialogProps<R> & {
  title: string;
  children: (created: (record: R) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <Plus aria-hidden />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={title}>
        {children((record) => {
          setOpen(false);
          onCreated(record);
        })}
      </DialogContent>
    </Dialog>
  );
}

/**
 * A create dialog's form: the server's refusal on top, the fields (disabled while the call
 * runs), then Cancel and the submit button. `onCreated` runs once the server has the record.
 */
export function CreateForm<D, R>({
  label,
  submitLabel,
  form,
  mutation,
  fieldForCode,
  onCreated,
  children,
}: {
  /** The form's accessible name: the dialog's title. */
  label: string;
  submitLabel: string;
  form: Pick<FormState<object, D>, 'formRef' | 'message' | 'check' | 'refused'>;
  mutation: FormMutation<D, R>;
  fieldForCode?: FieldForCode;
  onCreated: (record: R) => void;
  children: ReactNode;
}) {
  return (
    <DialogForm
      ref={form.formRef}
      onSubmit={submitWith(form, mutation, onCreated, fieldForCode)}
      aria-label={label}
    >
      <DialogBody>
        {form.message && <FormAlert className="mb-4">{form.message}</FormAlert>}
        <fieldset disabled={mutation.isPending} className="flex flex-col gap-4">
          {children}
        </fieldset>
      </DialogBody>
      <FormFooter pending={mutation.isPending}>{submitLabel}</FormFooter>
    </DialogForm>
  );
}

/** The optional free-text "Description" of a record being created. */
export function DescriptionField({
  form: { errors, text },
  max,
  placeholder,
  rows,
}: {
  form: { errors: FieldErrors; text: (key: 'description') => TextBinding };
  /** The schema's limit (from `textLimits`). */
  max: number;
  placeholder: string;
  rows?: number;
}) {
  const binding = text('description');
  return (
    <LimitedField
      label="Description (optional)"
      error={errors.description}
      max={max}
      value={binding.value}
    >
      {(control) => <Textarea {...control} {...binding} rows={rows} placeholder={placeholder} />}
    </LimitedField>
  );
}
