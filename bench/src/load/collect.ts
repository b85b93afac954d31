import type { MarkerSink } from './sse';

/** Collects the markers of `count` notifications numbered from `base`, each counted once. */
export class RangeCollector {
  received = 0;
  firstAt = 0;
  lastAt = 0;
  /** create-to-receive, ms, in arrival order */
  readonly latencies: number[] = [];
  /** resolves once all `count` have arrived */
  readonly all: Promise<void>;
  private readonly seen: Uint8Array;
  private allIn: () => void = () => undefined;

  constructor(
    private readonly base: number,
    private readonly count: number,
  ) {
    this.seen = new Uint8Array(count);
    this.all = new Promise<void>((r) => (this.allIn = r));
  }

  readonly sink: MarkerSink = (n, sentAt, receivedAt) => {
    const i = n - this.base;
    if (i < 0 || i >= this.count || this.seen[i]) return;
    this.seen[i] = 1;
    this.received += 1;
    this.firstAt ||= receivedAt;
    this.lastAt = receivedAt;
    this.latencies.push(receivedAt - sentAt);
    if (this.received === this.count) this.allIn();
  };
}
