import type { StreamEvent } from '@acme/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeLockManager } from './fake-locks';
import { StreamHub, type HubEnvironment, type StreamObserver } from './stream-hub';
import { makeNotification } from './test-notifications';

interface OpenedStream {
  lastEventId: string | null;
  observer: StreamObserver;
  closed: boolean;
}

function setup(userId: string) {
  const locks = fakeLockManager();
  const streams: OpenedStream[] = [];
  const hubs: StreamHub[] = [];
  const env: HubEnvironment = {
    locks,
    createChannel: (name) => new BroadcastChannel(name),
    isOnline: () => true,
    watchOnline: () => () => undefined,
    now: () => Date.now(),
  };
  const addTab = (opts: { offlineAfterMs?: number } = {}) => {
    const events: { event: StreamEvent; isLeader: boolean }[] = [];
    // The reset a follower gets on joining (no event id), counted apart from the stream's.
    const joins: StreamEvent[] = [];
    const onUnauthorized = vi.fn();
    const hub = new StreamHub({
      userId,
      env,
      offlineAfterMs: opts.offlineAfterMs ?? 10_000,
      isUnauthorized: (error) => error === 'UNAUTHORIZED',
      onUnauthorized,
      onEvent: (event, meta) => {
        if (meta.id === '') joins.push(event);
        else events.push({ event, isLeader: meta.isLeader });
      },
      openStream: (lastEventId, observer) => {
        const stream: OpenedStream = {
          lastEventId,
          // An error ends a subscription, as in the tRPC client.
          observer: {
            ...observer,
            onError: (error) => {
              stream.closed = true;
              observer.onError(error);
            },
          },
          closed: false,
        };
        streams.push(stream);
        return () => {
          stream.closed = true;
        };
      },
    });
    hubs.push(hub);
    hub.start();
    return { hub, events, joins, onUnauthorized };
  };
  const openStreams = () => streams.filter((stream) => !stream.closed);
  return {
    addTab,
    streams,
    openStreams,
    stopAll: () => {
      hubs.forEach((hub) => {
        hub.stop();
      });
    },
  };
}

const reset: StreamEvent = { kind: 'sync.reset', reason: 'initial' };
const created = (id: string): StreamEvent => ({
  kind: 'notification.created',
  notification: makeNotification(id),
});

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('StreamHub', () => {
  it('opens one stream for many tabs and shares its events and status', async () => {
    const world = setup('user-share');
    cleanup = world.stopAll;
    const tabs = [world.addTab(), world.addTab(), world.addTab()];
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const [stream] = world.openStreams();
    expect(stream?.lastEventId).toBeNull(); // a fresh subscription

    stream?.observer.onData({ id: '1-0', data: reset });
    stream?.observer.onData({ id: '2-0', data: created('a') });

    await vi.waitFor(() => {
      for (const tab of tabs) {
        expect(tab.events.map((e) => e.event.kind)).toEqual(['sync.reset', 'notification.created']);
        expect(tab.hub.getSnapshot().state).toBe('live');
      }
    });
    expect(tabs.filter((tab) => tab.hub.getSnapshot().role === 'leader')).toHaveLength(1);
    expect(tabs.flatMap((tab) => tab.events.filter((e) => e.isLeader))).toHaveLength(2);
  });

  it('is "Live" only after the first event of a fresh stream', async () => {
    const world = setup('user-honest');
    cleanup = world.stopAll;
    const tab = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const stream = world.openStreams()[0];
    stream?.observer.onStarted();
    stream?.observer.onConnectionStateChange({ state: 'pending' });
    expect(tab.hub.getSnapshot().state).toBe('connecting');
    stream?.observer.onData({ id: '1-0', data: reset });
    expect(tab.hub.getSnapshot().state).toBe('live');
    stream?.observer.onConnectionStateChange({ state: 'connecting' });
    expect(tab.hub.getSnapshot().state).toBe('reconnecting');
  });

  it('hands the stream over when the leader goes, resuming after the last event', async () => {
    const world = setup('user-handover');
    cleanup = world.stopAll;
    const first = world.addTab();
    const second = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const leader = first.hub.getSnapshot().role === 'leader' ? first : second;
    const follower = leader === first ? second : first;
    const stream = world.openStreams()[0];
    stream?.observer.onData({ id: '5-0', data: reset });
    stream?.observer.onData({ id: '6-0', data: created('b') });
    await vi.waitFor(() => {
      expect(follower.events).toHaveLength(2);
    });

    leader.hub.stop();

    await vi.waitFor(() => {
      expect(follower.hub.getSnapshot().role).toBe('leader');
      expect(world.openStreams()).toHaveLength(1);
    });
    expect(world.openStreams()[0]?.lastEventId).toBe('6-0');
    expect(follower.hub.getSnapshot().state).toBe('reconnecting');
    world.openStreams()[0]?.observer.onStarted();
    expect(follower.hub.getSnapshot().state).toBe('live'); // resumed: current once connected
  });

  it('applies each event once, even if it is delivered again', async () => {
    const world = setup('user-dedupe');
    cleanup = world.stopAll;
    const tab = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const stream = world.openStreams()[0];
    stream?.observer.onData({ id: '1-0', data: reset });
    stream?.observer.onData({ id: '2-0', data: created('c') });
    stream?.observer.onData({ id: '2-0', data: created('c') });
    expect(tab.events).toHaveLength(2);
  });

  it('treats UNAUTHORIZED as signed out, and other failures as offline until retried', async () => {
    const world = setup('user-errors');
    cleanup = world.stopAll;
    const tab = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    world.openStreams()[0]?.observer.onError('BROKEN');
    expect(tab.hub.getSnapshot().state).toBe('offline');
    expect(tab.onUnauthorized).not.toHaveBeenCalled();

    tab.hub.retry();
    expect(world.openStreams()).toHaveLength(1);
    world.openStreams()[0]?.observer.onError('UNAUTHORIZED');
    expect(tab.onUnauthorized).toHaveBeenCalledOnce();
  });

  it('shows Offline when reconnecting takes too long', async () => {
    const world = setup('user-offline');
    cleanup = world.stopAll;
    const tab = world.addTab({ offlineAfterMs: 30 });
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const stream = world.openStreams()[0];
    stream?.observer.onData({ id: '1-0', data: reset });
    stream?.observer.onConnectionStateChange({ state: 'connecting' });
    expect(tab.hub.getSnapshot().state).toBe('reconnecting');
    await vi.waitFor(() => {
      expect(tab.hub.getSnapshot().state).toBe('offline');
    });
    stream?.observer.onConnectionStateChange({ state: 'pending' });
    expect(tab.hub.getSnapshot().state).toBe('live');
  });

  it('lets a follower ask the leader to retry', async () => {
    const world = setup('user-retry');
    cleanup = world.stopAll;
    const first = world.addTab();
    const second = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    world.openStreams()[0]?.observer.onError('BROKEN');
    const follower = first.hub.getSnapshot().role === 'leader' ? second : first;
    await vi.waitFor(() => {
      expect(follower.hub.getSnapshot().state).toBe('offline');
    });
    follower.hub.retry();
    await vi.waitFor(() => {
      expect(world.streams).toHaveLength(2);
    });
    expect(world.openStreams()).toHaveLength(1);
  });

  it('a follower that missed events before it listened refetches once it hears the leader', async () => {
    const world = setup('user-late-follower');
    cleanup = world.stopAll;
    const first = world.addTab();
    await vi.waitFor(() => {
      expect(world.openStreams()).toHaveLength(1);
    });
    const stream = world.openStreams()[0];
    stream?.observer.onData({ id: '1-0', data: reset });
    // Passed on before the second tab had a channel: it can only be in that tab's snapshot.
    stream?.observer.onData({ id: '2-0', data: created('early') });
    const late = world.addTab();
    await vi.waitFor(() => {
      expect(late.joins).toEqual([reset]);
    });
    stream?.observer.onData({ id: '3-0', data: created('later') });
    await vi.waitFor(() => {
      expect(late.events.map((e) => e.event.kind)).toEqual(['notification.created']);
    });
    expect(first.joins).toEqual([]);
    expect(late.joins).toHaveLength(1);
  });
});
