/** What the stream hub uses of the browser, injectable so tests can fake it. */
export interface HubEnvironment {
  locks: LockManager | null;
  createChannel: ((name: string) => BroadcastChannel) | null;
  isOnline(): boolean;
  /** Calls back with the new value whenever the browser goes on- or offline. */
  watchOnline(onChange: (online: boolean) => void): () => void;
  now(): number;
}

export function browserEnvironment(): HubEnvironment {
  return {
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null,
    createChannel:
      typeof BroadcastChannel === 'undefined' ? null : (name) => new BroadcastChannel(name),
    isOnline: () => navigator.onLine,
    watchOnline(onChange) {
      const online = () => {
        onChange(true);
      };
      const offline = () => {
        onChange(false);
      };
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
    now: () => Date.now(),
  };
}
