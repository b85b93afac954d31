import type { Notification, NotificationPage } from '@acme/contracts';
import type { NotificationPages } from './cache-updates';

/** Test data: a task assignment created `minutesAgo` before 2025-03-10T12:00:00Z. */
export function makeNotification(
  id: string,
  opts: { minutesAgo?: number; isRead?: boolean } = {},
): Notification {
  const createdAt = new Date(
    Date.parse('2025-03-10T12:00:00.000Z') - (opts.minutesAgo ?? 0) * 60_000,
  ).toISOString();
  const isRead = opts.isRead ?? false;
  return {
    id,
    userId: 'user-1',
    type: 'task_assignment',
    actor: { id: 'user-2', name: 'Maya Chen' },
    title: `Task ${id} assigned`,
    message: `"Task ${id}" has been assigned to you.`,
    metadata: {},
    isRead,
    readAt: isRead ? createdAt : null,
    archivedAt: null,
    snoozedUntil: null,
    createdAt,
    updatedAt: createdAt,
    task: {
      id: `task-${id}`,
      title: `Task ${id}`,
      description: null,
      priority: 'medium',
      status: 'to_do',
      dueDate: null,
      dueTime: null,
      assigneeId: 'user-1',
      createdById: 'user-2',
      createdAt,
      updatedAt: createdAt,
    },
  };
}

export function pagesOf(...pages: NotificationPage[]): NotificationPages {
  return { pages, pageParams: pages.map((_, i) => (i === 0 ? null : `cursor-${i}`)) };
}
