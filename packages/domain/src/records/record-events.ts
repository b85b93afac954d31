import type { RecordEvent, RecordEventItem } from '@acme/notifications';

interface Viewers {
  createdById: string;
  assigneeId: string | null;
}

/**
 * The record's event for everyone whose view of it changes: its creator, its assignee, the
 * previous assignee and the actor (their other tabs), once each. One event object for all,
 * so the store encodes it once.
 */
export function recordEvents(
  event: RecordEvent,
  actorId: string,
  before: Viewers | null,
  after: Viewers,
): RecordEventItem[] {
  const users = new Set([after.createdById, after.assigneeId, before?.assigneeId, actorId]);
  return [...users].flatMap((userId) => (userId ? [{ userId, event }] : []));
}
