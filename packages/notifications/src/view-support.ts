// Test helpers for the views: every page of a view, and the invariants that tie them together.
import type { Notification, NotificationView } from '@acme/contracts';
import { expect } from 'vitest';
import type { NotificationService } from './service';

/** Every item of a view, following the cursor with small pages. */
export async function listAll(
  service: NotificationService,
  userId: string,
  view: NotificationView,
  unreadOnly = false,
): Promise<Notification[]> {
  const items: Notification[] = [];
  let cursor: string | null = null;
  do {
    const page = await service.list(userId, { view, unreadOnly, limit: 2, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const idsOf = (items: Notification[]) => items.map((n) => n.id);

/**
 * Asserts what must hold in every state: each item in exactly one view, with the matching
 * archivedAt / snoozedUntil; unreadCount equal to the inbox's unread list; unreadOnly equal
 * to filtering the whole view. Returns the views' ids.
 */
export async function expectConsistent(service: NotificationService, userId: string) {
  const views = {
    inbox: await listAll(service, userId, 'inbox'),
    archived: await listAll(service, userId, 'archived'),
    snoozed: await listAll(service, userId, 'snoozed'),
  };
  const all = [...views.inbox, ...views.archived, ...views.snoozed];
  expect(new Set(idsOf(all)).size).toBe(all.length);
  for (const n of views.inbox) expect(n).toMatchObject({ archivedAt: null, snoozedUntil: null });
  for (const n of views.archived) {
    expect(n).toMatchObject({ snoozedUntil: null });
    expect(n.archivedAt).not.toBeNull();
  }
  for (const n of views.snoozed) {
    expect(n).toMatchObject({ archivedAt: null });
    expect(n.snoozedUntil).not.toBeNull();
  }
  for (const view of ['inbox', 'archived', 'snoozed'] as const) {
    const unread = await listAll(service, userId, view, true);
    expect(idsOf(unread)).toEqual(idsOf(views[view].filter((n) => !n.isRead)));
  }
  expect(await service.unreadCount(userId)).toBe(views.inbox.filter((n) => !n.isRead).length);
  for (const n of all) expect(await service.get(userId, n.id)).toEqual(n);
  return {
    inbox: idsOf(views.inbox),
    archived: idsOf(views.archived),
    snoozed: idsOf(views.snoozed),
  };
}
