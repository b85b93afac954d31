export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** `expired` resolves after `ms`; `timedOut` says whether it has. */
export function timer(ms: number) {
  const state = { timedOut: false };
  const expired = sleep(ms).then(() => {
    state.timedOut = true;
  });
  return {
    expired,
    get timedOut() {
      return state.timedOut;
    },
  };
}

/** 0 .. count-1, for `pool`. */
export const indexes = (count: number) => Array.from({ length: count }, (_, i) => i);
