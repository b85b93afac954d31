import type { InfiniteData } from '@tanstack/react-query';

/** What every paged list the server sends looks like: newest first, a cursor to go on. */
export interface RecordPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** An infinite query's data; page params are cursors (string | null) but typed loosely. */
export type PagedRecords<T> = InfiniteData<RecordPage<T>>;

export interface Dated {
  id: string;
  createdAt: string;
}

/** The server's order for every list: newest first, ties by id descending. */
export function compareNewestFirst(a: Dated, b: Dated): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function findRecord<T extends { id: string }>(
  data: PagedRecords<T> | undefined,
  id: string,
): T | undefined {
  if (!data) return undefined;
  for (const page of data.pages) {
    const item = page.items.find((candidate) => candidate.id === id);
    if (item) return item;
  }
  return undefined;
}

/** Replaces (or, for null, removes) items; the same object back when nothing changed. */
export function mapRecords<T>(
  data: PagedRecords<T>,
  update: (item: T) => T | null,
): PagedRecords<T> {
  let changed = false;
  const pages: RecordPage<T>[] = [];
  for (const page of data.pages) {
    let pageChanged = false;
    const items: T[] = [];
    for (const item of page.items) {
      const next = update(item);
      if (next !== item) pageChanged = true;
      if (next) items.push(next);
    }
    changed ||= pageChanged;
    pages.push(pageChanged ? { ...page, items } : page);
  }
  return changed ? { ...data, pages } : data;
}

/**
 * Puts a record where the server would list it. If it sorts after everything loaded while
 * older pages remain, it is left for "load more" to bring (inserting it would put it out of
 * order and the next page would repeat it).
 */
export function insertRecordSorted<T extends Dated>(
  data: PagedRecords<T>,
  record: T,
): PagedRecords<T> {
  const pages = data.pages;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    if (!page) continue;
    const index = page.items.findIndex((item) => compareNewestFirst(record, item) < 0);
    if (index !== -1) {
      const items = [...page.items.slice(0, index), record, ...page.items.slice(index)];
      return { ...data, pages: pages.map((other, i) => (i === p ? { ...page, items } : other)) };
    }
  }
  const last = pages[pages.length - 1];
  if (!last) {
    return { ...data, pages: [{ items: [record], nextCursor: null }], pageParams: [null] };
  }
  if (last.nextCursor !== null) return data;
  const items = [...last.items, record];
  return {
    ...data,
    pages: pages.map((page, i) => (i === pages.length - 1 ? { ...page, items } : page)),
  };
}
