import { useCallback, useMemo } from 'react';
import { useRoute, type SectionId } from '../../lib/router';
import { useRecordHighlight } from './use-record-highlight';
import { flattenPages } from '../../lib/flatten-pages';
import { useSeekRecord, type PagedQuery } from './use-seek-record';

/**
 * A section's paged records as its page shows them: each record once, whether the record
 * the address names (`#/leads/<id>`) turned out not to be in the list, and the highlight.
 * `listKey` changes with the list's filter, so a new list is searched afresh.
 */
export function useRecordList<T extends { id: string }>(
  section: SectionId,
  query: PagedQuery & { data?: { pages: readonly { items: readonly T[] }[] } | undefined },
  listKey?: string,
) {
  const route = useRoute();
  const routeId = route.section === section ? route.recordId : null;
  const records = useMemo(() => flattenPages(query.data), [query.data]);
  const found = routeId !== null && records.some((record) => record.id === routeId);
  const missing = useSeekRecord(query, routeId, found, listKey);
  const highlight = useRecordHighlight(
    routeId,
    useMemo(() => records.map((record) => record.id), [records]),
  );
  const { flash } = highlight;
  /** Highlights a record just created or saved; stable, so memoized rows may take it. */
  const flashRecord = useCallback(
    (record: { id: string }) => {
      flash(record.id);
    },
    [flash],
  );
  return { records, missing, highlight, flashRecord };
}
