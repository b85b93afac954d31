import type { User } from '@acme/contracts';
import { Check, Search } from 'lucide-react';
import { Checkbox } from 'radix-ui';
import { useState } from 'react';
import { cn } from '../../lib/cn';
import { roleLabel } from '../../lib/roles';
import { Avatar } from './avatar';

/** Above this many people the list gets a filter box. */
const FILTER_FROM = 8;

/**
 * Picks any number of people: a checkbox per person with name and role, in a scrolling
 * box (with a filter once the list is long). Wrap it in a fieldset/legend to label it.
 */
export function PersonChecklist({
  people,
  selected,
  onChange,
  disabled,
  invalid,
  describedBy,
}: {
  people: User[];
  selected: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? people.filter((p) =>
        [p.name, p.email, roleLabel(p.role)].some((s) => s.toLowerCase().includes(needle)),
      )
    : people;
  const toggle = (id: string, on: boolean) => {
    onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  };

  return (
    <div
      className={cn(
        'overflow-hidden rounded-md border border-line-strong bg-surface',
        invalid && 'border-danger',
      )}
    >
      {people.length > FILTER_FROM && (
        <div className="relative border-b border-line">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle"
          />
          <input
            type="search"
            aria-label="Filter people"
            placeholder="Filter people"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
            }}
            className="h-10 w-full bg-transparent pr-3 pl-9 text-base text-fg outline-none placeholder:text-fg-subtle sm:text-sm"
          />
        </div>
      )}
      <ul aria-describedby={describedBy} className="max-h-56 overflow-y-auto p-1">
        {shown.map((person) => {
          const checked = selected.includes(person.id);
          const id = `person-${person.id}`;
          return (
            <li key={person.id}>
              <label
                htmlFor={id}
                className={cn(
                  'flex h-10 cursor-pointer items-center gap-3 rounded-sm px-2 transition-colors hover:bg-muted',
                  disabled && 'cursor-not-allowed opacity-60',
                )}
              >
                <Checkbox.Root
                  id={id}
                  checked={checked}
                  disabled={disabled}
                  onCheckedChange={(state) => {
                    toggle(person.id, state === true);
                  }}
                  className="flex size-4 shrink-0 items-center justify-center rounded-sm border border-line-strong bg-surface transition-colors data-[state=checked]:border-accent data-[state=checked]:bg-accent data-[state=checked]:text-on-accent"
                >
                  <Checkbox.Indicator>
                    <Check aria-hidden className="size-3" strokeWidth={3} />
                  </Checkbox.Indicator>
                </Checkbox.Root>
                <Avatar name={person.name} size="sm" decorative />
                <span className="min-w-0 flex-1 truncate text-fg">{person.name}</span>
                <span className="shrink-0 text-xs text-fg-muted">{roleLabel(person.role)}</span>
              </label>
            </li>
          );
        })}
        {shown.length === 0 && (
          <li className="px-2 py-3 text-center text-fg-muted">Nobody matches “{filter}”</li>
        )}
      </ul>
    </div>
  );
}
