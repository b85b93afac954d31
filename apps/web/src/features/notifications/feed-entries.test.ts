import type { Notification } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { toFeedEntries } from './feed-entries';
import { makeNotification } from './test-notifications';

type Assignment = Extract<Notification, { type: 'task_assignment' }>;
function assignment(id: string, opts: { minutesAgo?: number } = {}): Assignment {
  const n = makeNotification(id, opts);
  if (n.type !== 'task_assignment') throw new Error('expected a task assignment');
  return n;
}

const maya = { id: 'user-2', name: 'Maya' };
const sam = { id: 'user-3', name: 'Sam' };

function about(id: string, taskId: string, minutesAgo: number, actor = maya): Notification {
  const n = assignment(id, { minutesAgo });
  return { ...n, actor, task: { ...n.task, id: taskId } };
}
const shape = (items: Notification[]) =>
  toFeedEntries(items).map((entry) => `${entry.kind}:${entry.items.map((i) => i.id).join(',')}`);

describe('toFeedEntries', () => {
  it('collapses notifications about one record into one card, newest first', () => {
    const items = [
      about('a', 't1', 0),
      about('b', 't2', 1, sam),
      about('c', 't1', 2),
      about('d', 't1', 90),
    ];
    expect(shape(items)).toEqual(['record:a,c,d', 'single:b']);
  });

  it('collapses a run of three or more by one person within ten minutes', () => {
    const items = [
      about('a', 't1', 0),
      about('b', 't2', 3),
      about('c', 't3', 9),
      about('d', 't4', 30),
    ];
    expect(shape(items)).toEqual(['run:a,b,c', 'single:d']);
  });

  it('keeps short runs, other actors and system notifications apart', () => {
    expect(shape([about('a', 't1', 0), about('b', 't2', 1)])).toEqual(['single:a', 'single:b']);
    expect(shape([about('a', 't1', 0), about('b', 't2', 1, sam), about('c', 't3', 2)])).toEqual([
      'single:a',
      'single:b',
      'single:c',
    ]);
    const system = [0, 1, 2].map((m) => ({ ...about(`s${m}`, `t${m}`, m), actor: null }));
    expect(shape(system)).toEqual(['single:s0', 'single:s1', 'single:s2']);
  });

  it('keys a record card by its record, so it stays the same card as items arrive', () => {
    const [first] = toFeedEntries([about('a', 't1', 0), about('b', 't1', 1)]);
    const [later] = toFeedEntries([about('z', 't1', 0), about('a', 't1', 1), about('b', 't1', 2)]);
    expect(first?.key).toBe(later?.key);
  });
});
