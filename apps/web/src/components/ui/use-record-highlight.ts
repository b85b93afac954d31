import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a record just created or changed stays highlighted. */
export const FLASH_MS = 2_500;

function rowOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`);
}

function scrollToRow(row: HTMLElement, block: ScrollLogicalPosition) {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  row.scrollIntoView({ block, behavior: reduced ? 'auto' : 'smooth' });
}

/**
 * Which list row to highlight: the record the address points at (`#/tasks/<id>`, from a
 * notification) for as long as it does, and a record just saved for a moment. Each is
 * scrolled into view once it is on screen. Rows carry `data-record-id`.
 */
export function useRecordHighlight(routeId: string | null, loadedIds: readonly string[]) {
  // `n` makes a second save of the same record start its moment again.
  const [flashed, setFlashed] = useState<{ id: string; n: number } | null>(null);
  const flashId = flashed?.id ?? null;
  const flashN = flashed?.n ?? 0;
  const scrolled = useRef<string | null>(null);
  const present = (id: string | null) => id !== null && loadedIds.includes(id);
  const routePresent = present(routeId);
  const flashPresent = present(flashId);

  useEffect(() => {
    if (!routeId || !routePresent || scrolled.current === routeId) return;
    const row = rowOf(routeId);
    if (!row) return;
    scrolled.current = routeId;
    scrollToRow(row, 'center');
  }, [routeId, routePresent]);

  useEffect(() => {
    if (!routeId) scrolled.current = null;
  }, [routeId]);

  // The moment starts when the saved record is on screen (after the list refetched), so a
  // slow refetch does not use it up.
  useEffect(() => {
    if (!flashId || !flashPresent) return;
    const row = rowOf(flashId);
    if (row) scrollToRow(row, 'nearest');
    const timer = setTimeout(() => {
      setFlashed((current) => (current?.n === flashN ? null : current));
    }, FLASH_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [flashId, flashN, flashPresent]);

  const flash = useCallback((id: string) => {
    setFlashed((current) => ({ id, n: (current?.n ?? 0) + 1 }));
  }, []);

  return {
    /** Whether `id` should be drawn highlighted. */
    isHighlighted: (id: string) => id === routeId || id === flashId,
    isSelected: (id: string) => id === routeId,
    flash,
  };
}
