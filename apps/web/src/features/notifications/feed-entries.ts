/**
 * Collapses a newest-first list into the panel's cards: notifications about one record
 * become one card, and a run of the same kind by one person about different records becomes
 * another ("Maya assigned you 12 tasks"). Pure, for tests.
 */
import type { Notification } from '@acme/contracts';
import { recordOf } from './notification-line';

type Items = [Notification, ...Notification[]];

export type FeedEntry =
  | { kind: 'single'; key: string; items: Items }
  /** About one record, newest first. */
  | { kind: 'record'; key: string; items: Items }
  /** Same type and actor, close in time, different records, newest first. */
  | { kind: 'run'; key: string; items: Items };

export const RUN_MIN = 3;
export const RUN_WINDOW_MS = 10 * 60_000;

function byRecord(items: readonly Notification[]): FeedEntry[] {
  const entries: FeedEntry[] = [];
  const open = new Map<string, Items>();
  for (const item of items) {
    const { key } = recordOf(item);
    const group = open.get(key);
    if (group) {
      group.push(item);
      continue;
    }
    const fresh: Items = [item];
    open.set(key, fresh);
    entries.push({ kind: 'single', key, items: fresh });
  }
  return entries.map((entry) =>
    entry.items.length > 1
      ? { kind: 'record', key: `record:${entry.key}`, items: entry.items }
      : { kind: 'single', key: entry.items[0].id, items: entry.items },
  );
}

function joinsRun(run: Notification[], item: Notification): boolean {
  const first = run[0];
  if (!first?.actor || !item.actor) return false;
  return (
    item.type === first.type &&
    item.actor.id === first.actor.id &&
    Date.parse(first.createdAt) - Date.parse(item.createdAt) <= RUN_WINDOW_MS
  );
}

export function toFeedEntries(items: readonly Notification[]): FeedEntry[] {
  const result: FeedEntry[] = [];
  let run: Notification[] = [];
  const flush = () => {
    const [head, ...rest] = run;
    if (head && run.length >= RUN_MIN) {
      result.push({ kind: 'run', key: `run:${head.id}`, items: [head, ...rest] });
    } else {
      for (const item of run) result.push({ kind: 'single', key: item.id, items: [item] });
    }
    run = [];
  };
  for (const entry of byRecord(items)) {
    if (entry.kind !== 'single') {
      flush();
      result.push(entry);
      continue;
    }
    const [item] = entry.items;
    if (run.length > 0 && !joinsRun(run, item)) flush();
    run.push(item);
  }
  flush();
  return result;
}

/** The card's newest notification: its place, its time, its row-focus identity. */
export function leadOf(entry: FeedEntry): Notification {
  return entry.items[0];
}
