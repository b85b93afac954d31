import { loginInputSchema, type LoginInput } from '@acme/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent, type Ref } from 'react';
import { z } from 'zod';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { FormAlert } from '../../components/ui/list-error';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { setSignedIn } from './session';

type Values = { email: string; password: string };
type FieldErrors = Partial<Record<keyof Values, string>>;

function validate(values: Values): { data: LoginInput | null; errors: FieldErrors } {
  const result = loginInputSchema.safeParse(values);
  if (result.success) return { data: result.data, errors: {} };
  const { fieldErrors } = z.flattenError(result.error);
  return {
    data: null,
    errors: {
      email: values.email.trim() === '' ? 'Enter your email address' : fieldErrors.email?.[0],
      password: fieldErrors.password?.[0],
    },
  };
}

/** Signing in with `values`, and which field gets focus when that fails. */
function useSignIn(values: Values) {
  const queryClient = useQueryClient();
  const login = trpc.auth.login.useMutation();
  // The values as last submitted: field errors show only after a submit, and the server's
  // refusal only until the values change.
  const [submitted, setSubmitted] = useState<Values | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const errors = submitted ? validate(values).errors : {};
  const serverError = login.isError && submitted === values ? describeError(login.error) : null;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    setSubmitted(values);
    const { data, errors: nextErrors } = validate(values);
    if (!data) {
      (nextErrors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    login.mutate(data, {
      onSuccess: (user) => {
        window.scrollTo({ top: 0 });
        setSignedIn(queryClient, user);
      },
      onError: () => {
        passwordRef.current?.focus();
        passwordRef.current?.select();
      },
    });
  };

  return { errors, serverError, submit, pending: login.isPending, emailRef, passwordRef };
}

/** Controlled by the page, so the demo-account hint can fill it. */
export function SignInForm({
  values,
  onChange,
  submitRef,
}: {
  values: Values;
  onChange: (values: Values) => void;
  submitRef: Ref<HTMLButtonElement>;
}) {
  const { errors, serverError, submit, pending, emailRef, passwordRef } = useSignIn(values);

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      {serverError && <FormAlert>{serverError}</FormAlert>}
      <Field label="Email" error={errors.email}>
        {(control) => (
          <Input
            {...control}
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoFocus
            placeholder="you@company.com"
            readOnly={pending}
            value={values.email}
            onChange={(event) => {
              onChange({ ...values, email: event.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Password" error={errors.password}>
        {(control) => (
          <Input
            {...control}
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            readOnly={pending}
            value={values.password}
            onChange={(event) => {
              onChange({ ...values, password: event.target.value });
            }}
          />
        )}
      </Field>
      <Button
        ref={submitRef}
        type="submit"
        variant="primary"
        size="md"
        pending={pending}
        className="mt-2 w-full"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
