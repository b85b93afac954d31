import type { StreamEvent } from '@acme/contracts';
import { openHubChannel, type HubChannel, type HubMessage } from './hub-channel';
import { browserEnvironment, type HubEnvironment } from './hub-environment';
import { requestLeadership, type LeaderLock } from './leader-lock';
import { isAfter, nextStatus, type StreamState, type StreamStatus } from './stream-status';

/**
 * One notification stream per browser, shared by every tab of the app.
 *
 * Browsers allow six HTTP/1.1 connections per origin across all tabs, and each EventSource
 * holds one for good: eight tabs with a stream each would leave no connection for anything
 * else. So the tabs elect a leader with the Web Locks API: the tab holding the lock opens the
 * one subscription and rebroadcasts every event, and its connection status, over a
 * BroadcastChannel; the other tabs apply the same events to their own caches. When the leader
 * closes, the browser grants the lock to a waiting tab, which resumes the stream from the
 * last event id it has seen, so the server replays exactly what happened in between.
 */

export const STREAM_LOCK_NAME = 'acme-notifications-stream';

export type { HubEnvironment };

export type StreamRole = 'leader' | 'follower';

export interface HubSnapshot extends StreamStatus {
  role: StreamRole;
}

/** What the hub needs to hear from a tRPC subscription (a subset of its observer). */
export interface StreamObserver {
  onStarted: () => void;
  onData: (value: { id: string; data: StreamEvent }) => void;
  onConnectionStateChange: (change: { state: 'idle' | 'connecting' | 'pending' }) => void;
  onError: (error: unknown) => void;
}

/** Opens the subscription, resuming after `lastEventId` when given; returns its closer. */
export type OpenStream = (lastEventId: string | null, observer: StreamObserver) => () => void;

export interface EventMeta {
  id: string;
  /** This tab holds the stream (for once-per-browser effects like desktop notifications). */
  isLeader: boolean;
}

export interface StreamHubOptions {
  userId: string;
  openStream: OpenStream;
  onEvent(event: StreamEvent, meta: EventMeta): void;
  /** The stream refused the session (expired, revoked): the user is signed out. */
  onUnauthorized(): void;
  isUnauthorized(error: unknown): boolean;
  /** How long a broken connection shows "Reconnecting…" before it shows "Offline". */
  offlineAfterMs?: number;
  env?: HubEnvironment;
}

export class StreamHub {
  private readonly options: StreamHubOptions;
  private readonly env: HubEnvironment;
  private readonly offlineAfterMs: number;
  private readonly listeners = new Set<() => void>();
  private role: StreamRole = 'follower';
  /** The stream's status: this tab's own when leading, else the leader's last report. */
  private status: StreamStatus;
  private offlineSince: number | null;
  private snapshot: HubSnapshot;
  private lastEventId: string | null = null;
  /** A follower has heard from the leader: from then on, every event reaches it. */
  private joined = false;
  private running = false;
  private channel: HubChannel | null = null;
  private lock: LeaderLock | null = null;
  private closeStream: (() => void) | null = null;
  private offlineTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWatchingOnline: (() => void) | null = null;

  constructor(options: StreamHubOptions) {
    this.options = options;
    this.env = options.env ?? browserEnvironment();
    this.offlineAfterMs = options.offlineAfterMs ?? 10_000;
    const now = this.env.now();
    this.status = { state: 'connecting', since: now };
    this.offlineSince = this.env.isOnline() ? null : now;
    this.snapshot = this.computeSnapshot();
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): HubSnapshot => this.snapshot;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopWatchingOnline = this.env.watchOnline((online) => {
      this.onOnlineChange(online);
    });
    const { locks, createChannel } = this.env;
    if (!locks || !createChannel) {
      // No way to share: this tab keeps its own stream, as before leader election existed.
      this.lead();
      return;
    }
    this.channel = openHubChannel(createChannel, this.options.userId, (message) => {
      this.onMessage(message);
    });
    // A leader already running answers with its status and last event id.
    this.channel.post({ type: 'hello' });
    this.lock = requestLeadership(locks, STREAM_LOCK_NAME, () => {
      this.lead();
    });
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.closeStream?.();
    this.closeStream = null;
    this.lock?.release();
    this.lock = null;
    this.channel?.close();
    this.channel = null;
    this.clearOfflineTimer();
    this.stopWatchingOnline?.();
    this.stopWatchingOnline = null;
    this.role = 'follower';
    this.joined = false;
  }

  /** "Retry now": reopen the stream (the leader does it; a follower asks the leader). */
  retry(): void {
    if (!this.running) return;
    if (this.role === 'leader') this.open();
    else this.channel?.post({ type: 'retry' });
  }

  private lead(): void {
    this.role = 'leader';
    this.emit();
    this.open();
  }

  private open(): void {
    this.closeStream?.();
    this.closeStream = null;
    const resumeFrom = this.lastEventId;
    // A resumed stream is current once connected (the server replays what we missed first);
    // a fresh one only once it delivers its first event, the initial sync.reset.
    let caughtUp = resumeFrom !== null;
    this.setStreamState(this.status.state === 'connecting' ? 'connecting' : 'reconnecting');
    let closed = false;
    const close = this.options.openStream(resumeFrom, {
      onStarted: () => {
        if (!closed && caughtUp) this.setStreamState('live');
      },
      onConnectionStateChange: ({ state }) => {
        if (closed) return;
        if (state === 'pending' && caughtUp) this.setStreamState('live');
        if (state === 'connecting' && this.status.state === 'live') {
          this.setStreamState('reconnecting');
        }
      },
      onData: ({ id, data }) => {
        if (closed) return;
        caughtUp = true;
        this.setStreamState('live');
        this.receive(id, data);
        this.channel?.post({ type: 'event', id, event: data });
      },
      onError: (error) => {
        if (closed) return;
        closed = true;
        this.closeStream = null;
        if (this.options.isUnauthorized(error)) {
          this.options.onUnauthorized();
          return;
        }
        // Not retryable by the link: stays offline until "Retry now" (or the browser
        // coming back online) opens a new one.
        this.setStreamState('offline');
      },
    });
    this.closeStream = () => {
      closed = true;
      close();
    };
  }

  /** Applies an event once: replays of ids already seen are dropped. */
  private receive(id: string, event: StreamEvent): void {
    if (event.kind !== 'sync.reset' && !isAfter(id, this.lastEventId)) return;
    this.lastEventId = id;
    this.options.onEvent(event, { id, isLeader: this.role === 'leader' });
  }

  private onMessage(message: HubMessage): void {
    switch (message.type) {
      case 'event':
        if (this.role === 'follower') this.receive(message.id, message.event);
        return;
      case 'status':
        if (this.role === 'leader') return;
        if (message.lastEventId !== null && isAfter(message.lastEventId, this.lastEventId)) {
          this.lastEventId = message.lastEventId;
        }
        this.status = message.status;
        this.emit();
        this.join();
        return;
      case 'hello':
        if (this.role === 'leader') this.postStatus();
        return;
      case 'retry':
        if (this.role === 'leader' && this.status.state !== 'live') this.open();
        return;
    }
  }

  /**
   * The leader may have passed on events before this tab listened, after its snapshot was
   * fetched (a tab opened while notifications arrive). Once the leader answers, every later
   * event arrives here, so a snapshot fetched from now on misses nothing: the tab refetches
   * as after a fresh subscription.
   */
  private join(): void {
    if (this.joined) return;
    this.joined = true;
    this.options.onEvent({ kind: 'sync.reset', reason: 'initial' }, { id: '', isLeader: false });
  }

  private onOnlineChange(online: boolean): void {
    this.offlineSince = online ? null : this.env.now();
    this.emit();
    // Don't wait for the EventSource's own retry delay once the network is back.
    if (online && this.role === 'leader' && this.status.state !== 'live') this.open();
  }

  private setStreamState(state: StreamState): void {
    const next = nextStatus(this.status, state, this.env.now());
    if (state === 'live' || state === 'offline') this.clearOfflineTimer();
    else if (this.offlineTimer === null) {
      this.offlineTimer = setTimeout(() => {
        this.offlineTimer = null;
        if (this.running && this.role === 'leader' && this.status.state !== 'live') {
          this.setStreamState('offline');
        }
      }, this.offlineAfterMs);
    }
    if (next === this.status) return;
    this.status = next;
    this.emit();
    this.postStatus();
  }

  private clearOfflineTimer(): void {
    if (this.offlineTimer !== null) clearTimeout(this.offlineTimer);
    this.offlineTimer = null;
  }

  private postStatus(): void {
    if (this.role !== 'leader') return;
    this.channel?.post({ type: 'status', status: this.status, lastEventId: this.lastEventId });
  }

  private computeSnapshot(): HubSnapshot {
    const status: StreamStatus =
      this.offlineSince === null ? this.status : { state: 'offline', since: this.offlineSince };
    return { ...status, role: this.role };
  }

  private emit(): void {
    this.snapshot = this.computeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
