import type { ReactNode } from 'react';
import { describeError } from '../../lib/errors';
import { CurrentUserContext } from './current-user';
import { ServerUnreachable } from './server-unreachable';
import { followSignIn, followSignOut, useSessionQuery } from './session';
import { useSessionSync } from './session-sync';
import { SignInPage } from './sign-in-page';
import { Splash } from './splash';

/** Renders the sign-in page or, once `auth.session` answers with a user, the signed-in app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  useSessionSync({ onSignedIn: followSignIn, onSignedOut: followSignOut });

  // Known data wins over a failed background refetch: a blip must not sign anyone out.
  if (session.data) {
    // Keyed by user: a different user (signed in from another tab) gets a fresh shell.
    return (
      <CurrentUserContext key={session.data.id} value={session.data}>
        {children}
      </CurrentUserContext>
    );
  }
  if (session.data === null) return <SignInPage />;
  if (session.isError) {
    return (
      <ServerUnreachable
        message={describeError(session.error)}
        retrying={session.isFetching}
        onRetry={() => {
          void session.refetch();
        }}
      />
    );
  }
  return <Splash />;
}
