/** An in-memory Web Locks API for tests: one exclusive lock, granted in request order. */
class FakeLocks {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  request(
    _name: string,
    opts: { signal?: AbortSignal },
    callback: () => Promise<void> | undefined,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held = true;
        void Promise.resolve(callback()).finally(() => {
          this.held = false;
          resolve();
          this.waiting.shift()?.();
        });
      };
      opts.signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(grant);
        if (index === -1) return;
        this.waiting.splice(index, 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
      if (this.held) this.waiting.push(grant);
      else grant();
    });
  }
}

export function fakeLockManager(): LockManager {
  return new FakeLocks() as unknown as LockManager;
}
