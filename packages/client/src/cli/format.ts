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
      return `  all read at ${time(event.readAt)}`;
    case 'sync.reset':
      // Every fresh stream starts with one (reason initial): nothing was missed then.
      return event.reason === 'initial'
        ? `  (watching for new notifications; \`notify list\` shows earlier ones)`
        : `  (some events expired while you were away: run \`notify list\`)`;
  }
}
