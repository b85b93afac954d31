import type { StreamEvent } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { newsIn } from './stream-news';
import { makeNotification } from './test-notifications';

const item = makeNotification('n1');
const snoozed = { ...item, snoozedUntil: '2025-03-10T13:00:00.000Z' };
const cacheWith = (known: typeof item | undefined) => ({ find: () => known });

describe('newsIn', () => {
  it('a created notification is news once: a replay of a known one is not', () => {
    const event = { kind: 'notification.created', notification: item } as const;
    expect(newsIn(event, cacheWith(undefined))).toBe(item);
    expect(newsIn(event, cacheWith(item))).toBeNull();
  });

  it('a snoozed one coming back on time is news; unsnoozed by hand, or seen back, is not', () => {
    const back = (reason: 'due' | 'manual'): StreamEvent => ({
      kind: 'notification.unsnoozed',
      id: 'n1',
      reason,
      notification: item,
    });
    expect(newsIn(back('due'), cacheWith(snoozed))).toBe(item);
    expect(newsIn(back('due'), cacheWith(undefined))).toBe(item);
    expect(newsIn(back('due'), cacheWith(item))).toBeNull();
    expect(newsIn(back('manual'), cacheWith(snoozed))).toBeNull();
  });

  it('nothing else is', () => {
    expect(
      newsIn({ kind: 'notification.read', id: 'n1', readAt: item.createdAt }, cacheWith(item)),
    ).toBeNull();
  });
});
