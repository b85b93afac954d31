import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { placeServerError, type FieldErrors, type Validation } from './form-errors';

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

  /** Validates for a submit: the parsed input, or null (and focus on the first error). */
  const check = (): D | null => {
    setSubmitted(true);
    setRefusal(noRefusal);
    const { data } = validate(values);
    if (data === null) setAttempt((n) => n + 1);
    return data;
  };

  const errors: FieldErrors = {
    ...(submitted ? validate(values).errors : {}),
    ...refusal.fieldErrors,
  };

  return {
    values,
    errors,
    /** The server's refusal when it names no field of this form. */
    message: refusal.message,
    formRef,
    change: (patch: Partial<V>) => {
      setValues((current) => ({ ...current, ...patch }));
      setRefusal(noRefusal);
    },
    check,
    /**
     * The form's onSubmit: validates, then sends the parsed input. Submitting again while
     * `pending` (a double click, Enter twice) sends nothing.
     */
    submitWith:
      (pending: boolean, send: (data: D) => void) => (event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (pending) return;
        const data = check();
        if (data !== null) send(data);
      },
    refused: (error: unknown, fieldForCode: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {}) => {
      setRefusal(placeServerError(error, Object.keys(initial), fieldForCode));
      setAttempt((n) => n + 1);
    },
  };
}
