import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateNow } from './invalidate-now';

/** A query whose answers the test releases one at a time, as a server read at that moment. */
function controlledQuery() {
  const queryClient = new QueryClient();
  const pending: ((value: number) => void)[] = [];
  const observer = new QueryObserver<number>(queryClient, {
    queryKey: ['count'],
    queryFn: () => new Promise<number>((resolve) => pending.push(resolve)),
  });
  const unsubscribe = observer.subscribe(() => undefined);
  const settled = (value: number) =>
    new Promise<void>((resolve) => {
      const stop = observer.subscribe((result) => {
        if (result.data === value && result.fetchStatus === 'idle') {
          stop();
          resolve();
        }
      });
    });
  return { queryClient, pending, unsubscribe, settled };
}

describe('invalidateNow', () => {
  it('starts a first load over, where invalidateQueries would keep its older answer', async () => {
    const { queryClient, pending, unsubscribe, settled } = controlledQuery();
    await expect.poll(() => pending.length).toBe(1);
    const invalidated = invalidateNow(queryClient, { queryKey: ['count'] });
    await expect.poll(() => pending.length).toBe(2);
    const done = settled(4);
    pending[0]?.(0); // the first load's answer, read before the news: dropped
    pending[1]?.(4);
    await Promise.all([done, invalidated]);
    expect(queryClient.getQueryData(['count'])).toBe(4);
    unsubscribe();
  });

  it('still refetches a query that has data, once', async () => {
    const { queryClient, pending, unsubscribe, settled } = controlledQuery();
    await expect.poll(() => pending.length).toBe(1);
    const first = settled(1);
    pending[0]?.(1);
    await first;
    void invalidateNow(queryClient, { queryKey: ['count'] });
    await expect.poll(() => pending.length).toBe(2);
    const second = settled(2);
    pending[1]?.(2);
    await second;
    expect(pending).toHaveLength(2);
    unsubscribe();
  });
});
