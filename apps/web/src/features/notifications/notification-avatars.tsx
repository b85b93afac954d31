import type { Actor } from '@acme/contracts';
import { Bot } from 'lucide-react';
import { Avatar } from '../../components/ui/avatar';
import { cn } from '../../lib/cn';

/** Who did it: their initials, or the system's icon when nobody did (a reminder firing). */
export function ActorAvatar({
  actor,
  small = false,
  className,
}: {
  actor: Actor | null;
  small?: boolean;
  className?: string;
}) {
  if (!actor) {
    return (
      <span
        role="img"
        aria-label="System"
        className={cn(
          'inline-flex shrink-0 items-center justify-center rounded-full border border-line bg-surface text-fg-muted',
          small ? 'size-6' : 'size-8',
          className,
        )}
      >
        <Bot aria-hidden className="size-4" />
      </span>
    );
  }
  return <Avatar name={actor.name} size={small ? 'sm' : 'md'} className={className} />;
}

/** The distinct actors of a card, stacked (at most three). */
export function StackedAvatars({ actors }: { actors: (Actor | null)[] }) {
  const seen = new Set<string>();
  const distinct = actors.filter((actor) => {
    const key = actor?.id ?? 'system';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length === 1) return <ActorAvatar actor={distinct[0] ?? null} />;
  return (
    <span className="flex shrink-0 -space-x-3">
      {distinct.slice(0, 3).map((actor, index) => (
        // The newest actor on top.
        <ActorAvatar
          key={actor?.id ?? 'system'}
          actor={actor}
          className={cn('relative ring-2 ring-surface', ['z-30', 'z-20', 'z-10'][index])}
        />
      ))}
    </span>
  );
}
