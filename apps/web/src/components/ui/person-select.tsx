import type { User } from '@acme/contracts';
import { UserRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { roleLabel } from '../../lib/roles';
import { Avatar } from './avatar';
import { Select, SelectItem, type SelectProps } from './select';

/** The value that stands for "nobody" (Radix Select items cannot have an empty value). */
export const NOBODY = '__nobody__';

/** How a person reads in a closed picker or a table cell: avatar and name. */
export function PersonLabel({ person, muted }: { person: User; muted?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Avatar name={person.name} size="sm" decorative />
      <span className={muted ? 'truncate text-fg-muted' : 'truncate'}>{person.name}</span>
    </span>
  );
}

/** "Unassigned" with a dashed placeholder avatar, for records without a person. */
export function NobodyLabel({ children = 'Unassigned' }: { children?: ReactNode }) {
  return (
    <span className="flex min-w-0 items-center gap-2 text-fg-muted">
      <span className="inline-flex size-6 shrink-0 items-center justify-center rounded-full border border-dashed border-line-strong">
        <UserRound aria-hidden className="size-3.5" />
      </span>
      <span className="truncate">{children}</span>
    </span>
  );
}

/**
 * A people picker: each option shows the person's name and role. Pass only the people who
 * may be picked (a lead's picker gets sales staff only). `nobodyLabel` adds a "nobody" option.
 */
export function PersonSelect({
  people,
  value,
  onValueChange,
  nobodyLabel,
  ...props
}: Omit<SelectProps, 'children' | 'display'> & { people: User[]; nobodyLabel?: string }) {
  const chosen = people.find((person) => person.id === value);
  // The closed control shows the avatar and name only (the role is in the open list).
  const display = chosen ? (
    <PersonLabel person={chosen} />
  ) : value === NOBODY ? (
    <NobodyLabel>{nobodyLabel}</NobodyLabel>
  ) : value ? (
    // Someone the list does not have (yet): people still loading, or a removed account.
    <NobodyLabel>Someone</NobodyLabel>
  ) : undefined;
  return (
    <Select value={value} onValueChange={onValueChange} display={display} lazyItems {...props}>
      {nobodyLabel && (
        <SelectItem value={NOBODY}>
          <NobodyLabel>{nobodyLabel}</NobodyLabel>
        </SelectItem>
      )}
      {people.map((person) => (
        <SelectItem key={person.id} value={person.id} hint={roleLabel(person.role)}>
          <PersonLabel person={person} />
        </SelectItem>
      ))}
    </Select>
  );
}
