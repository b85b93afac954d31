import { nodeKeyOf, type RedisClient } from '@acme/redis';
import { parseStreamItem } from './codec';
import { Listener, type ListenerObserver } from './listener';
import type { LocalEvents } from './local-events';

export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface Channel {
  listeners: Set<Listener>;
  /** Redis has confirmed the subscription at least once. */
  confirmed: boolean;
  /** On a cluster: the master that confirmed it last. */
  node: string;
  /**
   * Its subscriber was lost and our SSUBSCRIBE is not confirmed again yet. ioredis
   * resubscribes on its own first, so messages can arrive before that confirmation; delivered,
   * they would move the streams past the gap. They are dropped: the re-read covers them.
   */
  interrupted: boolean;
}

const toError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/**
 * Live fan-out over ONE subscriber connection: a user's shard channel is subscribed while at
 * least one listener wants it. SSUBSCRIBE/SUNSUBSCRIBE go out on that one connection in
 * call order, so when the last listener leaves and a new one arrives at once, the later
 * SSUBSCRIBE lands after the SUNSUBSCRIBE and the channel ends up subscribed.
 *
 * Both are only sent while the connection is `ready`. ioredis writes SSUBSCRIBE straight
 * away during its connect handshake (the command may run while Redis loads), which puts the
 * connection in subscriber mode before its ready check: the check fails and the connection
 * loops on reconnects. Whatever waits is sent from the 'ready' handler.
 */
export class Bus {
  private readonly channels = new Map<string, Channel>();
  /** Channels left while the connection was not ready: unsubscribed once it is. */
  private readonly leftWhileDown = new Set<string>();
  /** Cluster masters whose sharded subscriber ended since the last rebuild. */
  private lostNodes = new Set<string>();
  private closed = false;

  constructor(
    private readonly subscriber: RedisClient,
    private readonly logger?: Logger,
    /** Events this process wrote itself: taken as built instead of parsed again. */
    private readonly localEvents?: LocalEvents,
  ) {
    subscriber.on('smessage', this.onMessage);
    subscriber.on('ready', this.onReady);
    subscriber.on('close', this.onClose);
    subscriber.on('-node', this.onNodeLost);
    subscriber.on('subscribersReady', this.onSubscribersRebuilt);
    subscriber.on('end', this.onEnd);
    subscriber.on('error', this.onError);
  }

  listen(name: string, maxBuffered: number, observer: ListenerObserver): Listener {
    const listener = new Listener(name, maxBuffered, this.detachListener, observer);
    if (this.closed) {
      listener.end();
      return listener;
    }
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { listeners: new Set(), confirmed: false, node: '', interrupted: false };
      this.channels.set(name, channel);
      channel.listeners.add(listener);
      this.leftWhileDown.delete(name);
      this.subscribe(name, channel);
      return listener;
    }
    channel.listeners.add(listener);
    if (channel.confirmed) listener.markSubscribed();
    return listener;
  }

  /** Whether a message published on this channel now would reach one of our listeners. */
  isListening(name: string): boolean {
    return this.channels.get(name)?.confirmed === true;
  }

  stats(): { subscribedUsers: number; listeners: number } {
    let listeners = 0;
    for (const channel of this.channels.values()) listeners += channel.listeners.size;
    return { subscribedUsers: this.channels.size, listeners };
  }

  /** Ends every listener and stops listening to the connection. */
  close(): void {
    this.closed = true;
    for (const channel of this.channels.values()) {
      for (const listener of channel.listeners) listener.end();
    }
    this.channels.clear();
    this.subscriber.off('smessage', this.onMessage);
    this.subscriber.off('ready', this.onReady);
    this.subscriber.off('close', this.onClose);
    this.subscriber.off('-node', this.onNodeLost);
    this.subscriber.off('subscribersReady', this.onSubscribersRebuilt);
    this.subscriber.off('end', this.onEnd);
    this.subscriber.off('error', this.onError);
  }

  /**
   * Sends SSUBSCRIBE if the connection is ready (else the 'ready' handler will). The first
   * confirmation lets the listeners start; any later one follows a reconnect, so they re-read
   * the stream for what pub/sub lost meanwhile.
   */
  private subscribe(name: string, channel: Channel): void {
    const status = this.subscriber.status;
    if (status === 'end') {
      this.fail(channel, new Error('notifications: subscriber connection is closed'));
      return;
    }
    if (status === 'wait') {
      this.subscriber.connect().catch((err: unknown) => {
        this.fail(channel, toError(err));
      });
      return;
    }
    if (status !== 'ready') return;
    this.subscriber.ssubscribe(name).then(
      () => {
        if (this.channels.get(name) !== channel) return;
        const first = !channel.confirmed;
        channel.confirmed = true;
        channel.interrupted = false;
        channel.node = nodeKeyOf(this.subscriber, name);
        for (const listener of channel.listeners) {
          if (first) listener.markSubscribed();
          else listener.requestResync();
        }
      },
      (err: unknown) => {
        this.fail(channel, toError(err));
      },
    );
  }

  private fail(channel: Channel, error: Error): void {
    for (const listener of channel.listeners) listener.fail(error);
  }

  private readonly detachListener = (listener: Listener): void => {
    this.detach(listener);
  };

  private detach(listener: Listener): void {
    const name = listener.channel;
    const channel = this.channels.get(name);
    if (!channel?.listeners.delete(listener) || channel.listeners.size > 0) return;
    this.channels.delete(name);
    if (this.closed) return;
    if (this.subscriber.status !== 'ready') {
      this.leftWhileDown.add(name);
      return;
    }
    this.subscriber.sunsubscribe(name).catch((err: unknown) => {
      this.logger?.warn({ err, channel: name }, 'notifications: SUNSUBSCRIBE failed');
    });
  }

  private readonly onMessage = (name: string, message: string): void => {
    const channel = this.channels.get(name);
    if (!channel || channel.interrupted) return;
    const item = this.localEvents?.take(message) ?? parseStreamItem(message);
    if (!item) {
      // The stream is the source of truth: let the listeners re-read it instead.
      this.logger?.warn({ channel: name }, 'notifications: malformed live message');
      for (const listener of channel.listeners) listener.requestResync();
      return;
    }
    for (const listener of channel.listeners) listener.push(item);
  };

  /**
   * (Re)subscribes every channel. After a reconnect, ioredis has already resubscribed what it
   * knew (before emitting 'ready' or, on a cluster, 'subscribersReady'); SSUBSCRIBE is
   * idempotent, and its confirmation tells the listeners when they can re-read the stream
   * without missing anything. (On a cluster ioredis then lists the channel twice, which costs
   * a few bytes per channel per rebuild and nothing else.)
   */
  private readonly onReady = (): void => {
    for (const name of this.leftWhileDown) {
      this.subscriber.sunsubscribe(name).catch((err: unknown) => {
        this.logger?.warn({ err, channel: name }, 'notifications: SUNSUBSCRIBE failed');
      });
    }
    this.leftWhileDown.clear();
    for (const [name, channel] of this.channels) this.subscribe(name, channel);
  };

  /** A sharded subscriber ended (the cluster passes its "host:port"; a pool node does not). */
  private readonly onNodeLost = (_redis: unknown, nodeKey?: unknown): void => {
    if (typeof nodeKey !== 'string') return;
    this.lostNodes.add(nodeKey);
    for (const channel of this.channels.values()) {
      if (channel.node === nodeKey) channel.interrupted = true;
    }
  };

  /** The connection (one node's, or the whole cluster's) closed: every channel has a gap. */
  private readonly onClose = (): void => {
    for (const channel of this.channels.values()) channel.interrupted = true;
  };

  /**
   * A cluster rebuilt its sharded subscribers (failover, slot moved, subscriber lost). Only the
   * channels whose master changed or whose subscriber ended can have lost messages: those are
   * subscribed again and re-read; the others never notice, so a failover of one shard costs
   * no reads for the users of the others.
   */
  private readonly onSubscribersRebuilt = (): void => {
    const lost = this.lostNodes;
    this.lostNodes = new Set();
    for (const [name, channel] of this.channels) {
      const node = nodeKeyOf(this.subscriber, name);
      if (channel.confirmed && !channel.interrupted && channel.node === node && !lost.has(node)) {
        continue;
      }
      this.subscribe(name, channel);
    }
  };

  private readonly onEnd = (): void => {
    const error = new Error('notifications: subscriber connection ended');
    for (const channel of [...this.channels.values()]) this.fail(channel, error);
  };

  private readonly onError = (err: unknown): void => {
    this.logger?.error({ err }, 'notifications: subscriber connection error');
  };
}
