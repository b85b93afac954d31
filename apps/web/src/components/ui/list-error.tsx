import { CircleAlert, RotateCw } from 'lucide-react';
import { cn } from '../../lib/cn';
import { Button } from './button';

/** A list that failed to load: what happened, and a way to try again. */
export function ListError({
  title,
  message,
  retrying,
  onRetry,
}: {
  title: string;
  message: string;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="flex flex-col items-center px-6 py-16 text-center">
      <span className="mb-4 flex size-10 items-center justify-center rounded-md border border-line bg-danger-soft text-danger-text">
        <CircleAlert aria-hidden className="size-5" />
      </span>
      <h2 className="text-base font-semibold text-fg">{title}</h2>
      <p className="mt-1 max-w-sm text-sm text-fg-muted">{message}</p>
      <Button className="mt-6" pending={retrying} onClick={onRetry}>
        {!retrying && <RotateCw aria-hidden />}
        Retry
      </Button>
    </div>
  );
}

/** A form-level message from the server ("Only managers can assign leads"). */
export function FormAlert({ children, className }: { children: string; className?: string }) {
  return (
    <div
      role="alert"
      className={cn(
        'flex items-start gap-2 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger-text',
        className,
      )}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </div>
  );
}
