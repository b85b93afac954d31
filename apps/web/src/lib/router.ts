import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/<section>` or `#/<section>/<recordId>`. Hash URLs need no server
 * fallback, and a notification can link straight to its record.
 */
export const sections = [
  { id: 'tasks', label: 'Tasks' },
  { id: 'leads', label: 'Leads' },
  { id: 'approver-groups', label: 'Approver groups' },
] as const;

export type SectionId = (typeof sections)[number]['id'];
/** Sections plus the pages reached from the user menu, not from the section links. */
export type PageId = SectionId | 'settings';

export interface Route {
  section: PageId;
  recordId: string | null;
}

const defaultRoute: Route = { section: 'tasks', recordId: null };

function isPageId(value: string | undefined): value is PageId {
  return value === 'settings' || sections.some((section) => section.id === value);
}

export function parseHash(hash: string): Route {
  const [section, recordId] = hash.replace(/^#\/?/, '').split('/');
  if (!isPageId(section)) return defaultRoute;
  return { section, recordId: recordId ? decodeURIComponent(recordId) : null };
}

export function hrefFor(route: { section: PageId; recordId?: string | null }): string {
  const base = `#/${route.section}`;
  return route.recordId ? `${base}/${encodeURIComponent(route.recordId)}` : base;
}

export function navigate(route: { section: PageId; recordId?: string | null }): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}
