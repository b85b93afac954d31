/**
 * The SPA's own line for a notification, built from its structured data (the stored title and
 * message stay for the plain routes and other clients). Pure, for tests.
 */
import type { Notification, Task } from '@acme/contracts';

/** A run of text; `strong` is the record's name. */
export interface LinePart {
  text: string;
  strong?: boolean;
}

export interface LineContext {
  /** The signed-in user. */
  meId: string;
  /** A user's name from the users list, if loaded. */
  nameOf: (id: string) => string | undefined;
  now: Date;
  locale?: string;
}

export interface NotificationLine {
  parts: LinePart[];
  /** A second line, such as a reminder's note. */
  note: string | null;
}

const DAY = 24 * 3600 * 1000;

function localDay(isoDate: string): Date {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "Dec 15" or "Dec 15, 14:00" (the year only when it is not this year's). */
export function formatDue(task: Task, now: Date, locale = 'en-US'): string | null {
  if (!task.dueDate) return null;
  const day = localDay(task.dueDate);
  const date = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(day.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(day);
  return task.dueTime ? `${date}, ${task.dueTime.slice(0, 5)}` : date;
}

/** "is due in 2 weeks", "was due 3 days ago", "is due today at 14:00", "has no due date". */
export function describeDue(task: Task, now: Date, locale = 'en-US'): string {
  if (!task.dueDate) return 'has no due date';
  const day = localDay(task.dueDate);
  const days = Math.round((startOfDay(day) - startOfDay(now)) / DAY);
  const time = task.dueTime?.slice(0, 5);
  if (days === 0) {
    if (!time) return 'is due today';
    const [h = 0, m = 0] = time.split(':').map(Number);
    const passed = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m) < now;
    return `${passed ? 'was' : 'is'} due today at ${time}`;
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(days);
  const phrase =
    abs < 7
      ? relative.format(days, 'day')
      : abs < 30
        ? relative.format(Math.round(days / 7), 'week')
        : abs < 365
          ? relative.format(Math.round(days / 30), 'month')
          : relative.format(Math.round(days / 365), 'year');
  return `${days > 0 ? 'is' : 'was'} due ${phrase}`;
}

function formatMoney(value: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(value);
}

const members = (count: number) => (count === 1 ? '1 member' : `${count} members`);

/** The record a notification is about: what groups it with others. */
export function recordOf(notification: Notification): { key: string; name: string } {
  switch (notification.type) {
    case 'task_assignment':
    case 'task_reminder':
    case 'task_unassigned':
    case 'task_completed':
      return { key: `task:${notification.task.id}`, name: notification.task.title };
    case 'lead_assignment':
      return { key: `lead:${notification.lead.id}`, name: notification.lead.name };
    case 'approver_group_created':
      return {
        key: `group:${notification.approverGroup.id}`,
        name: notification.approverGroup.name,
      };
  }
}

function newAssigneeName(
  notification: Notification & { type: 'task_unassigned' },
  ctx: LineContext,
) {
  const id = notification.task.assigneeId;
  const fromList = id ? ctx.nameOf(id) : undefined;
  const fromMetadata = notification.metadata.assignee_name;
  if (fromList) return fromList;
  if (typeof fromMetadata === 'string' && fromMetadata) return fromMetadata;
  return 'someone else';
}

/** The line for one notification: "Maya assigned you **Call ACME** · due Dec 15". */
export function buildLine(notification: Notification, ctx: LineContext): NotificationLine {
  const actor = notification.actor?.name ?? null;
  const name = { text: recordOf(notification).name, strong: true };
  const by = (verb: string, passive: string): LinePart[] =>
    actor ? [{ text: `${actor} ${verb} ` }, name] : [{ text: `${passive} ` }, name];
  const line = (parts: LinePart[], note: string | null = null): NotificationLine => ({
    parts: parts.filter((part) => part.text !== ''),
    note,
  });

  switch (notification.type) {
    case 'task_assignment': {
      const due = formatDue(notification.task, ctx.now, ctx.locale);
      return line([
        ...by('assigned you', 'You were assigned'),
        ...(due ? [{ text: ` · due ${due}` }] : []),
      ]);
    }
    case 'task_unassigned': {
      const to = newAssigneeName(notification, ctx);
      return actor
        ? line([{ text: `${actor} reassigned ` }, name, { text: ` to ${to}` }])
        : line([name, { text: ` was reassigned to ${to}` }]);
    }
    case 'task_completed':
      return actor
        ? line([{ text: `${actor} completed ` }, name])
        : line([name, { text: ' was completed' }]);
    case 'task_reminder': {
      const { task, reminder } = notification;
      const when = describeDue(task, ctx.now, ctx.locale);
      const due = formatDue(task, ctx.now, ctx.locale);
      const withDate = due && !when.includes('today') ? ` · ${due}` : '';
      return line([{ text: 'Reminder: ' }, name, { text: ` ${when}${withDate}` }], reminder.note);
    }
    case 'lead_assignment': {
      const { lead } = notification;
      const details = [
        lead.company,
        lead.value === null ? null : formatMoney(lead.value, ctx.locale),
      ]
        .filter((detail): detail is string => Boolean(detail))
        .map((detail) => ` · ${detail}`)
        .join('');
      return line([
        ...by('assigned you the lead', 'You were assigned the lead'),
        { text: details },
      ]);
    }
    case 'approver_group_created': {
      const group = notification.approverGroup;
      const count = ` · ${members(group.memberIds.length)}`;
      const mine = (notification.actor?.id ?? group.createdById) === ctx.meId;
      if (mine) return line([{ text: 'You created ' }, name, { text: count }]);
      return line([...by('added you to', 'You were added to'), { text: count }]);
    }
  }
}

const runNouns: Record<Notification['type'], [verb: string, noun: string]> = {
  task_assignment: ['assigned you', 'tasks'],
  lead_assignment: ['assigned you', 'leads'],
  task_reminder: ['sent', 'reminders'],
  approver_group_created: ['added you to', 'approver groups'],
  task_unassigned: ['reassigned', 'tasks'],
  task_completed: ['completed', 'tasks'],
};

/** "Maya assigned you 12 tasks": a run of the same kind by one person. */
export function buildRunLine(type: Notification['type'], actor: string, count: number): LinePart[] {
  const [verb, noun] = runNouns[type];
  return [{ text: `${actor} ${verb} ` }, { text: `${count} ${noun}`, strong: true }];
}

/** "3 updates on **Call ACME**": several notifications about one record. */
export function buildRecordGroupLine(name: string, count: number): LinePart[] {
  return [{ text: `${count} updates on ` }, { text: name, strong: true }];
}

/** The line as plain text, for screen reader announcements and toasts. */
export function lineText(parts: LinePart[]): string {
  return parts.map((part) => part.text).join('');
}
