import type { Actor } from '@acme/contracts';
import { Bot } from 'lucide-react';
import { Avatar } from '../../components/ui/avatar';
import { cn } from '../../lib/cn';

/** Who did it: their initials, or the system's icon when nobody did (a reminder firing). */
export function ActorAvatar({ actor, className }: { actor: Actor | null; className?: string }) {
  if (!actor) {
    return (
      <span
        role="img"
        aria-label="System"
        className={cn(
          'inline-flex size-8 shrink-0 items-center justify-center rounded-full border border-line bg-surface text-fg-muted',
          className,
        )}
      >
        <Bot aria-hidden className="size-4" />
      </span>
    );
  }
  return <Avatar name={actor.name} className={className} />;
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
    <span className="relative h-8 w-10 shrink-0">
      {distinct.slice(0, 3).map((actor, index) => (
        <ActorAvatar
          key={actor?.id ?? 'system'}
          actor={actor}
          className={cn(
            'absolute size-6 ring-2 ring-surface',
            ['top-0 left-0 z-30', 'top-2 left-2 z-20', 'top-1 left-4 z-10'][index],
          )}
        />
      ))}
    </span>
  );
}
