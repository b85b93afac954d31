import type { Notification, StreamEvent } from '@acme/contracts';

const time = (iso: string) => new Date(iso).toLocaleString();

export function formatNotification(n: Notification): string {
  return `${n.isRead ? ' ' : '●'} ${time(n.createdAt)}  ${n.title} — ${n.message}  [${n.id}]`;
}

export function formatEvent(event: StreamEvent): string {
  switch (event.kind) {
    case 'notification.created':
      return formatNotification(event.notification);
    case 'notification.read':
      return `  read ${event.id}`;
    case 'notification.unread':
      return `  unread ${event.id}`;
    case 'notifications.allRead':
      return `  all ${event.types ? event.types.join(', ') + ' ' : ''}read at ${time(event.readAt)}`;
    case 'notification.archived':
      return `  archived ${event.id}`;
    case 'notification.unarchived':
      return `  back in the inbox ${event.id}`;
    case 'notifications.allReadArchived':
      return `  every read notification archived at ${time(event.archivedAt)}`;
    case 'notification.snoozed':
      return `  snoozed ${event.id} until ${time(event.until)}`;
    case 'notification.unsnoozed':
      return event.reason === 'due'
        ? formatNotification(event.notification)
        : `  unsnoozed ${event.id}`;
    case 'preferences.updated':
      return `  notification settings changed`;
    case 'task.changed':
      return `  task changed: ${event.task.title} (${event.task.status.replace('_', ' ')}) [${event.task.id}]`;
    case 'lead.changed':
      return `  lead changed: ${event.lead.name} [${event.lead.id}]`;
    case 'sync.reset':
      // Every fresh stream starts with one (reason initial): nothing was missed then.
      return event.reason === 'initial'
        ? `  (watching for new notifications; \`notify list\` shows earlier ones)`
        : `  (some events expired while you were away: run \`notify list\`)`;
  }
}
