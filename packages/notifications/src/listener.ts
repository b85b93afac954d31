import type { StreamItem } from './codec';
import { SlowConsumerError } from './errors';

type State = 'open' | 'ended' | 'failed';

/** Told, synchronously, of every push, flag change and stop: the follower acts on them. */
export interface ListenerObserver {
  onListenerChange(): void;
}

/**
 * The per-stream end of the bus: a bounded FIFO of live messages plus the flags its one
 * observer (the stream's follower) acts on. A push reaches the observer in the same call,
 * so a live event goes from the subscriber's message to the socket without a promise.
 */
export class Listener {
  /** The channel subscription is confirmed: anything published from now on reaches us. */
  subscribed = false;
  private state: State = 'open';
  private failure: Error | null = null;
  private resyncRequested = false;
  private queue: StreamItem[] = [];
  private head = 0;

  constructor(
    readonly channel: string,
    private readonly maxBuffered: number,
    private readonly detach: (listener: Listener) => void,
    private readonly observer: ListenerObserver,
  ) {}

  isOpen(): boolean {
    return this.state === 'open';
  }

  get buffered(): number {
    return this.queue.length - this.head;
  }

  push(item: StreamItem): void {
    if (this.state !== 'open') return;
    if (this.buffered >= this.maxBuffered) {
      this.fail(new SlowConsumerError(this.buffered));
      return;
    }
    this.queue.push(item);
    this.notify();
  }

  take(): StreamItem | undefined {
    if (this.head === this.queue.length) return undefined;
    const item = this.queue[this.head];
    this.head += 1;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  markSubscribed(): void {
    this.subscribed = true;
    this.notify();
  }

  /** Live messages may have been lost (subscriber reconnected): re-read the stream. */
  requestResync(): void {
    this.resyncRequested = true;
    this.notify();
  }

  takeResync(): boolean {
    const requested = this.resyncRequested;
    this.resyncRequested = false;
    return requested;
  }

  /** Why the listener failed; null while open or after a plain end. */
  get error(): Error | null {
    return this.failure;
  }

  end(): void {
    this.stop('ended');
  }

  fail(error: Error): void {
    if (this.state !== 'open') return;
    this.failure = error;
    this.stop('failed');
  }

  private stop(state: State): void {
    if (this.state !== 'open') return;
    this.state = state;
    this.queue = [];
    this.head = 0;
    this.detach(this);
    this.notify();
  }

  private notify(): void {
    this.observer.onListenerChange();
  }
}
