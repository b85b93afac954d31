import type { Notification } from '@acme/contracts';
import type { NotificationsClient } from '@acme/client';
import type { Received } from '../fixtures';

/** Every notification of the client's user, newest first, through the paged list. */
export async function listAll(client: NotificationsClient): Promise<Notification[]> {
  const all: Notification[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.notifications.list.query({ cursor, limit: 100 });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** The task a notification is about, if any. */
export const taskIdOf = (n: Notification): string[] => ('task' in n ? [n.task.id] : []);

/** The task ids of the notification.created events, in the order they arrived. */
export const createdTaskIds = (events: Received[]): string[] =>
  events.flatMap((e) =>
    e.data.kind === 'notification.created' ? taskIdOf(e.data.notification) : [],
  );
