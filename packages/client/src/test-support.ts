// Shared by the integration tests: a recorder for onEvent that waits on what arrives (never
// on fixed sleeps), and a loopback TCP proxy that can refuse and switch its target.
import { connect, createServer, type Socket } from 'node:net';
import { compareStreamIds, parseStreamId, type StreamEvent } from '@acme/contracts';
import type { NotificationsClient } from './client';

type OnEvent = NotificationsClient['notifications']['onEvent'];
type OnEventInput = Parameters<OnEvent['subscribe']>[0];

export interface Received {
  id: string;
  data: StreamEvent;
}

/**
 * Subscribes to `notifications.onEvent` and keeps every event and connection state, except
 * record events (`task.changed`, `lead.changed`, tested in @acme/api): these tests count
 * the notification events an assignment causes.
 */
export function recordEvents(client: NotificationsClient, input?: OnEventInput) {
  const events: Received[] = [];
  const states: { state: string; code: string | undefined }[] = [];
  let failure: Error | null = null;
  const checks = new Set<() => void>();
  const changed = () => {
    for (const check of checks) check();
  };
  const sub = client.notifications.onEvent.subscribe(input, {
    onData: (event) => {
      if (event.data.kind === 'task.changed' || event.data.kind === 'lead.changed') return;
      events.push(event);
      changed();
    },
    onError: (err) => {
      failure = err;
      changed();
    },
    onConnectionStateChange: ({ state, error }) => {
      states.push({ state, code: error?.data?.code });
      changed();
    },
  });

  /** Resolves once `done()` holds; rejects if the subscription fails or `ms` pass first. */
  const until = (what: string, done: () => boolean, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        const kinds = events.map((e) => e.data.kind).join(', ');
        reject(new Error(`timed out waiting for ${what}; received [${kinds}]`));
      }, ms);
      const stop = () => {
        clearTimeout(timer);
        checks.delete(check);
      };
      const check = () => {
        if (failure !== null) {
          stop();
          reject(failure);
        } else if (done()) {
          stop();
          resolve();
        }
      };
      checks.add(check);
      check();
    });

  return {
    events,
    states,
    failure: () => failure,
    until,
    /** Resolves once `count` events have arrived. */
    untilCount: (count: number) => until(`${count} events`, () => events.length >= count),
    unsubscribe: () => {
      sub.unsubscribe();
    },
  };
}

export type EventRecorder = ReturnType<typeof recordEvents>;

/** The task id of a `notification.created` for a task assignment, else null. */
export function assignedTaskId({ data }: Received): string | null {
  if (data.kind !== 'notification.created') return null;
  return data.notification.type === 'task_assignment' ? data.notification.task.id : null;
}

/** Whether every id is a stream id after the one before it (so none repeats). */
export function strictlyIncreasing(ids: string[]): boolean {
  const parsed = ids.map(parseStreamId);
  return parsed.every((id, i) => {
    const before = i === 0 ? undefined : parsed[i - 1];
    return (
      id !== null && (before === undefined || (before !== null && compareStreamIds(before, id) < 0))
    );
  });
}

export interface TcpProxy {
  url: string;
  /** Where new connections go; null refuses them (they are closed at once). */
  target: number | null;
  /** Open client connections that have sent a request. */
  open(): number;
  /** Resolves once no connection that sent a request is open. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy: the client keeps one URL while servers come and go behind it.
 * Only connections that carried bytes count as open: after an aborted fetch, undici opens a
 * spare connection that stays idle until its keep-alive timeout.
 */
export async function startTcpProxy(target: number | null): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const used = new Set<Socket>();
  const onIdle = new Set<() => void>();
  const proxy: TcpProxy = {
    url: '',
    target,
    open: () => used.size,
    idle: () =>
      new Promise<void>((resolve) => {
        if (used.size === 0) resolve();
        else onIdle.add(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.once('data', () => used.add(client));
    client.once('close', () => {
      sockets.delete(client);
      if (!used.delete(client) || used.size > 0) return;
      for (const resolve of onIdle) resolve();
      onIdle.clear();
    });
    if (proxy.target === null) {
      client.destroy();
      return;
    }
    const upstream = connect(proxy.target, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.once('error', end).once('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the proxy has no port');
  proxy.url = `http://127.0.0.1:${address.port}`;
  return proxy;
}
