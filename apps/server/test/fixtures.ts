import { randomUUID } from 'node:crypto';
import type { NewNotification, StreamEvent } from '@acme/contracts';
import { createNotificationsClient, type NotificationsClient } from '@acme/client';
import { vi } from 'vitest';
import { trpcMutation } from './http';

/** A task_assignment notification as the tasks router would create it. */
export function taskAssigned(title = `Task ${randomUUID().slice(0, 8)}`): NewNotification {
  const now = new Date().toISOString();
  return {
    type: 'task_assignment',
    title: `Task Assigned: ${title}`,
    message: `Task "${title}" has been assigned to you.`,
    metadata: { priority: 'high', due_date: null, due_time: null, status: 'to_do' },
    task: {
      id: randomUUID(),
      title,
      description: null,
      priority: 'high',
      status: 'to_do',
      dueDate: null,
      dueTime: null,
      assigneeId: null,
      createdById: randomUUID(),
      createdAt: now,
      updatedAt: now,
    },
  };
}

export async function bearerClient(url: string, email: string, password = 'demo-password') {
  const res = await trpcMutation(url, 'auth.createToken', { email, password });
  const token = (res.body as { result: { data: { accessToken: string } } }).result.data.accessToken;
  return createNotificationsClient({ url, token });
}

export interface Received {
  id: string;
  data: StreamEvent;
}

/** Subscribes to `notifications.onEvent` and records what arrives, for assertions. */
export function listen(client: NotificationsClient, lastEventId?: string) {
  const events: Received[] = [];
  const errors: Error[] = [];
  const sub = client.notifications.onEvent.subscribe(lastEventId ? { lastEventId } : undefined, {
    onData: (e: Received) => events.push(e),
    onError: (err) => errors.push(err),
  });
  const created = () => events.filter((e) => e.data.kind === 'notification.created');
  return {
    events,
    errors,
    created,
    /** Resolves once the server has subscribed (its first event is the initial sync.reset). */
    ready: () =>
      vi.waitFor(
        () => {
          if (events.length === 0) throw new Error('not subscribed yet');
        },
        { timeout: 15_000, interval: 10 },
      ),
    waitForCreated: (n: number) =>
      vi.waitFor(
        () => {
          if (created().length < n) throw new Error(`${created().length}/${n} received`);
        },
        { timeout: 30_000, interval: 20 },
      ),
    lastId: () => events.at(-1)?.id,
    close: () => {
      sub.unsubscribe();
    },
  };
}
