import { useRef, useState } from 'react';
import { Logo } from '../../components/logo';
import { Card } from '../../components/ui/card';
import { DemoAccounts, demoPassword } from './demo-accounts';
import { SignInForm } from './sign-in-form';

export function SignInPage() {
  const [values, setValues] = useState({ email: '', password: '' });
  const submitRef = useRef<HTMLButtonElement>(null);

  return (
    <main className="flex min-h-dvh flex-col items-center px-4 py-12 sm:justify-center">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <Logo className="self-center text-base" />
        <Card className="p-6 sm:p-8">
          <h1 className="text-lg font-semibold">Sign in to Acme Ops</h1>
          <p className="mt-1 mb-6 text-fg-muted">Use your work email and password.</p>
          <SignInForm values={values} onChange={setValues} submitRef={submitRef} />
        </Card>
        <DemoAccounts
          onPick={(email) => {
            setValues({ email, password: demoPassword });
            // Ready to go: Enter (or a click) signs in.
            submitRef.current?.focus();
          }}
        />
      </div>
    </main>
  );
}
