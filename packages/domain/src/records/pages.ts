import type { listCursorSchema, User } from '@acme/contracts';
import { cursorSchema, decodeCursor, encodeCursor, LIST_SCAN_BUDGET } from '@acme/notifications';
import type { z } from 'zod';
import { idOfMember, type RecordStore } from './store';

export type PageInput = z.output<typeof listCursorSchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const memberCursor = cursorSchema(/\d{15}:[A-Za-z0-9_-]{1,64}/);

export interface PageQuery<T> {
  index: string;
  recordKey: (id: string) => string;
  schema: z.ZodType<T>;
  input: PageInput;
  /** Drops records the reader may not see or did not ask for (the index may list more). */
  keep?: (value: T) => boolean;
}

/**
 * Newest first from an index. The cursor is the last index member returned; a page may come
 * back short with a cursor when the filter skipped more than the scan budget.
 */
export async function readPage<T>(store: RecordStore, query: PageQuery<T>): Promise<Page<T>> {
  const { index, recordKey, schema, input, keep = () => true } = query;
  const batchSize = input.limit + 1;
  const found: { member: string; value: T }[] = [];
  let from = input.cursor ? `(${decodeCursor(memberCursor, input.cursor)}` : '+';
  let lastScanned: string | null = null;
  let exhausted = false;
  let scanned = 0;
  while (found.length <= input.limit && scanned < LIST_SCAN_BUDGET) {
    const members = await store.redis.zrevrangebylex(index, from, '-', 'LIMIT', 0, batchSize);
    scanned += members.length;
    const records = await store.readMany(
      schema,
      members.map((m) => recordKey(idOfMember(m))),
    );
    members.forEach((member, i) => {
      const record = records[i];
      if (record && keep(record.value)) found.push({ member, value: record.value });
    });
    lastScanned = members[members.length - 1] ?? lastScanned;
    if (members.length < batchSize || !lastScanned) {
      exhausted = true;
      break;
    }
    from = `(${lastScanned}`;
  }
  const page = found.slice(0, input.limit);
  const last = found.length > input.limit ? page[page.length - 1]?.member : lastScanned;
  const more = found.length > input.limit || !exhausted;
  return {
    items: page.map((f) => f.value),
    nextCursor: more && last ? encodeCursor(last) : null,
  };
}

export interface VisiblePageQuery<T> extends Omit<PageQuery<T>, 'index' | 'keep'> {
  /** The index of every record, which managers read. */
  all: string;
  /** The index of the records a user created or was given. */
  visibleTo: (userId: string) => string;
  canSee: (user: User, value: T) => boolean;
}

/** A page of what `actor` may see: managers everything, anyone else their own index. */
export function readVisiblePage<T>(
  store: RecordStore,
  actor: User,
  { all, visibleTo, canSee, ...query }: VisiblePageQuery<T>,
): Promise<Page<T>> {
  const index = actor.role === 'manager' ? all : visibleTo(actor.id);
  return readPage(store, { ...query, index, keep: (value) => canSee(actor, value) });
}
