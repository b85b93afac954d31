import type { Lead, Notification, StreamEvent, Task } from '@acme/contracts';
import { isNewer } from '../records/record-updates';

type RecordEvent = Extract<StreamEvent, { kind: 'task.changed' | 'lead.changed' }>;

/**
 * The notification with the record it embeds brought up to date, so a card shows the task's
 * current status; the same object when it is about another record or already as new.
 */
export function withRecordSnapshot(item: Notification, event: RecordEvent): Notification {
  if (event.kind === 'task.changed') {
    if (!('task' in item) || !replaces(event.task, item.task)) return item;
    return { ...item, task: event.task };
  }
  if (!('lead' in item) || !replaces(event.lead, item.lead)) return item;
  return { ...item, lead: event.lead };
}

const replaces = <T extends Task | Lead>(next: T, current: T) =>
  next.id === current.id && isNewer(next, current);
