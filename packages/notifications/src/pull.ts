/** A consumer of pushed items (see follow()). */
export interface PushSink<T> {
  /** Takes one item; false when full: nothing more comes until the source's `resume()`. */
  write(item: T): boolean;
  /** The source ended by itself: `null` when it closed, else the failure. At most once. */
  end(error: Error | null): void;
}

export interface PushSource {
  /** The sink has room again. */
  resume(): void;
  /** The consumer went away: no `end` follows. */
  stop(): void;
}

/**
 * Reads a push source as an async iterable, one item at a time: the source holds the rest
 * (and applies its own limits) until the loop asks again. Ends when `signal` aborts, returns
 * when the source closes, throws its failure.
 */
export async function* pull<T>(
  open: (sink: PushSink<T>) => PushSource,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  // A function, so the loop re-reads it after awaits (flow analysis would keep it narrowed).
  const aborted = () => signal.aborted;
  if (aborted()) return;
  let pending: T[] = [];
  // Set from the sink's callbacks, which TypeScript's flow analysis does not see.
  const state: { ended: { error: Error | null } | null } = { ended: null };
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const source = open({
    write(item) {
      pending.push(item);
      notify();
      return false;
    },
    end(error) {
      state.ended = { error };
      notify();
    },
  });
  const onAbort = () => {
    source.stop();
    notify();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!aborted()) {
      if (pending.length > 0) {
        const items = pending;
        pending = [];
        for (const item of items) yield item;
        source.resume();
        continue;
      }
      if (state.ended) {
        if (state.ended.error) throw state.ended.error;
        return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    source.stop();
  }
}
