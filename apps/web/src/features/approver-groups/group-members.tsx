import type { ApproverGroup, User } from '@acme/contracts';
import { Avatar } from '../../components/ui/avatar';

/** Members shown by name before the rest is summed up as "+3 more". */
const SHOWN = 4;

/** Each member as a small avatar and their name; a long list ends in "+N more". */
export function GroupMembers({ group, byId }: { group: ApproverGroup; byId: Map<string, User> }) {
  const names = group.memberIds.map((id) => byId.get(id)?.name ?? 'Someone');
  if (names.length === 0) return <span className="text-fg-subtle">No members</span>;
  const rest = names.length - SHOWN;
  return (
    <ul aria-label="Members" title={names.join(', ')} className="flex flex-wrap gap-x-4 gap-y-1">
      {names.slice(0, SHOWN).map((name, i) => (
        <li key={i} className="flex min-w-0 items-center gap-2">
          <Avatar name={name} size="sm" decorative />
          <span className="truncate text-fg">{name}</span>
        </li>
      ))}
      {rest > 0 && <li className="flex items-center text-fg-muted tabular-nums">+{rest} more</li>}
    </ul>
  );
}
