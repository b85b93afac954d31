import { createPreferenceStore } from './preferences';
import { createStoreContext, type StoreOptions } from './store-context';
import { createStoreReads } from './store-read';
import { createStoreWrites } from './store-write';

export type Store = ReturnType<typeof createStore>;

/** The Redis-backed store: a write half (the write scripts) and a read half (no writes). */
export function createStore(opts: StoreOptions) {
  const ctx = createStoreContext(opts);
  return {
    eventCutoff: ctx.eventCutoff,
    ...createStoreWrites(ctx),
    ...createStoreReads(ctx),
    ...createPreferenceStore(ctx),
  };
}
