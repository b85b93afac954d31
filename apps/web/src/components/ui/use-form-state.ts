import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { placeServerError, type FieldErrors, type Validation } from './form-errors';

export type FieldForCode = Partial<Record<TRPC_ERROR_CODE_KEY, string>>;
/** The fields of `V` that hold text. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
/** What `form.text(key)` spreads onto a text control. */
export interface TextBinding {
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}

const noRefusal = { fieldErrors: {} as FieldErrors, message: null as string | null };

/**
 * A form's values and messages. Field errors appear after the first submit and follow the
 * edits from then on; the server's refusal shows until the next edit. A failed submit moves
 * focus to the first invalid control (put `ref={formRef}` on the form).
 */
export function useFormState<V extends object, D>(
  initial: V,
  validate: (values: V) => Validation<D>,
) {
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState(noRefusal);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const errors: FieldErrors = {
    ...(submitted ? validate(values).errors : {}),
    ...refusal.fieldErrors,
  };
  const change = (patch: Partial<V>) => {
    setValues((current) => ({ ...current, ...patch }));
    setRefusal(noRefusal);
  };

  return {
    values,
    errors,
    /** The server's refusal when it names no field of this form. */
    message: refusal.message,
    formRef,
    change,
    /** A text control's `name`, `value` and `onChange` for the field `key`. */
    text: (key: TextKey<V>): TextBinding => ({
      name: key,
      value: String(values[key]),
      onChange: (event: { target: { value: string } }) => {
        setValues((current) => ({ ...current, [key]: event.target.value }));
        setRefusal(noRefusal);
      },
    }),
    /** Validates for a submit: the parsed input, or null (and focus on the first error). */
    check: (): D | null => {
      setSubmitted(true);
      setRefusal(noRefusal);
      const { data } = validate(values);
      if (data === null) setAttempt((n) => n + 1);
      return data;
    },
    refused: (error: unknown, fieldForCode: FieldForCode = {}) => {
      setRefusal(placeServerError(error, Object.keys(initial), fieldForCode));
      setAttempt((n) => n + 1);
    },
  };
}

export type FormState<V extends object, D> = ReturnType<typeof useFormState<V, D>>;

/** A create or update call a form sends: tRPC's `useMutation()` result fits. */
export interface FormMutation<D, R> {
  isPending: boolean;
  mutate: (
    input: D,
    callbacks: { onSuccess: (result: R) => void; onError: (error: unknown) => void },
  ) => void;
}

/**
 * A form's submit handler: validates, sends the parsed input (one call at a time) and shows
 * a refusal on the form. `fieldForCode` puts a code's refusal under a field (CONFLICT → name).
 */
export function submitWith<D, R>(
  form: Pick<FormState<object, D>, 'check' | 'refused'>,
  mutation: FormMutation<D, R>,
  onSuccess: (result: R) => void,
  fieldForCode?: FieldForCode,
) {
  return (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const data = form.check();
    if (data === null) return;
    mutation.mutate(data, {
      onSuccess,
      onError: (error) => {
        form.refused(error, fieldForCode);
      },
    });
  };
}
