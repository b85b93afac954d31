import { describe, expect, it } from 'vitest';
import type { Notification, Task } from '@acme/contracts';
import { formatEvent, formatNotification } from './format';

const CREATED_AT = '2025-03-04T05:06:07.000Z';
const shown = (iso: string) => new Date(iso).toLocaleString();

const task: Task = {
  id: 'task-1',
  title: 'Call the supplier',
  description: null,
  priority: 'high',
  status: 'to_do',
  dueDate: null,
  dueTime: null,
  assigneeId: 'user-2',
  createdById: 'user-1',
  createdAt: CREATED_AT,
  updatedAt: CREATED_AT,
};

const unread: Notification = {
  id: 'n-1',
  userId: 'user-2',
  type: 'task_assignment',
  actor: { id: 'user-1', name: 'Maya' },
  title: 'Task Assigned: Call the supplier',
  message: 'Task "Call the supplier" has been assigned to you.',
  metadata: {},
  task,
  isRead: false,
  readAt: null,
  archivedAt: null,
  snoozedUntil: null,
  createdAt: CREATED_AT,
  updatedAt: CREATED_AT,
};

describe('formatNotification', () => {
  it('marks an unread notification and shows its local time, title, message and id', () => {
    expect(formatNotification(unread)).toBe(
      `● ${shown(CREATED_AT)}  Task Assigned: Call the supplier — Task "Call the supplier" has been assigned to you.  [n-1]`,
    );
  });

  it('leaves the mark blank once it is read, keeping the columns aligned', () => {
    const read = { ...unread, isRead: true, readAt: '2025-03-04T06:00:00.000Z' };
    const line = formatNotification(read);
    expect(line.startsWith(`  ${shown(CREATED_AT)}`)).toBe(true);
    expect(line).toHaveLength(formatNotification(unread).length);
  });
});

describe('formatEvent', () => {
  it('prints a created notification as its list line', () => {
    expect(formatEvent({ kind: 'notification.created', notification: unread })).toBe(
      formatNotification(unread),
    );
  });

  it('prints read, unread and all-read changes indented, by id or time', () => {
    expect(formatEvent({ kind: 'notification.read', id: 'n-1', readAt: CREATED_AT })).toBe(
      '  read n-1',
    );
    expect(formatEvent({ kind: 'notification.unread', id: 'n-1' })).toBe('  unread n-1');
    expect(formatEvent({ kind: 'notifications.allRead', readAt: CREATED_AT })).toBe(
      `  all read at ${shown(CREATED_AT)}`,
    );
  });

  it('tells the user to list again when the resume point expired or is unknown', () => {
    for (const reason of ['expired', 'unknown_id'] as const) {
      expect(formatEvent({ kind: 'sync.reset', reason })).toBe(
        '  (some events expired while you were away: run `notify list`)',
      );
    }
  });

  // Every fresh stream starts with sync.reset (reason initial), so `notify tail` printed
  // "some events expired while you were away" each time it started.
  it('does not claim events expired on the initial sync.reset of a fresh tail', () => {
    expect(formatEvent({ kind: 'sync.reset', reason: 'initial' })).toBe(
      '  (watching for new notifications; `notify list` shows earlier ones)',
    );
  });
});
