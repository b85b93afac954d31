import { Logo } from '../../components/logo';

/**
 * What shows while we find out whether someone is signed in. The progress line fades in late,
 * so a fast answer shows only the mark.
 */
export function Splash() {
  return (
    <div
      role="status"
      aria-label="Loading Acme Ops"
      className="flex min-h-dvh flex-col items-center justify-center gap-4"
    >
      <Logo className="text-base" />
      <div
        aria-hidden
        className="h-1 w-24 animate-fade-in overflow-hidden rounded-full bg-muted [animation-delay:400ms]"
      >
        <div className="h-full w-1/3 animate-indeterminate rounded-full bg-accent" />
      </div>
    </div>
  );
}
