import { cn } from '../../lib/cn';
import { hrefFor, sections, type PageId } from '../../lib/router';

export function SectionNav({ current, className }: { current: PageId; className?: string }) {
  return (
    <nav aria-label="Sections" className={className}>
      {/* The padding keeps focus rings clear of the scroll container's clipping edge. */}
      <ul className="-m-1 flex gap-1 overflow-x-auto p-1">
        {sections.map((section) => {
          const active = section.id === current;
          return (
            <li key={section.id} className="shrink-0">
              <a
                href={hrefFor({ section: section.id })}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex h-8 items-center rounded-md px-3 text-sm font-medium transition-colors',
                  active ? 'bg-muted text-fg' : 'text-fg-muted hover:bg-muted hover:text-fg',
                )}
              >
                {section.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
