import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** What a page shows when it has nothing yet: what will be here and how it gets here. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center px-6 py-16 text-center">
      <span className="mb-4 flex size-10 items-center justify-center rounded-md border border-line bg-surface text-fg-muted">
        <Icon aria-hidden className="size-5" />
      </span>
      <h2 className="text-base font-semibold text-fg">{title}</h2>
      <p className="mt-1 max-w-sm text-sm text-fg-muted">{children}</p>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
