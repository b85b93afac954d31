import type { Task } from '@acme/contracts';
import { QueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { PagedRecords } from '../../lib/paged-records';
import { trpc } from '../../lib/trpc';
import { createRecordCache } from './record-cache';
import { idsOf, makeLead, makeTask, pagedOf, sales1 } from './test-records';

const taskKey = (input: { assignedToMe?: boolean; createdByMe?: boolean }) =>
  getQueryKey(trpc.tasks.list, { limit: 20, ...input }, 'infinite');
const leadKey = getQueryKey(trpc.leads.list, { limit: 20 }, 'infinite');

let queryClient = new QueryClient();
let detach: () => void = () => undefined;
afterEach(() => {
  detach();
  queryClient.clear();
});

function setup() {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const cache = createRecordCache(queryClient, sales1);
  detach = cache.attach();
  return cache;
}

const ids = (key: readonly unknown[]) => idsOf(queryClient.getQueryData<PagedRecords<Task>>(key));

describe('createRecordCache', () => {
  const mine = makeTask('t1', { minutesAgo: 1, createdById: sales1.id });
  const other = makeTask('t2', { minutesAgo: 2 });
  const away = { ...mine, assigneeId: 'sia', updatedAt: makeTask('x', { version: 1 }).updatedAt };

  it('applies a reassignment to each list by its filter', () => {
    const cache = setup();
    queryClient.setQueryData(taskKey({}), pagedOf([mine, other]));
    queryClient.setQueryData(taskKey({ assignedToMe: true }), pagedOf([mine, other]));
    queryClient.setQueryData(taskKey({ createdByMe: true }), pagedOf([mine]));

    cache.apply({ kind: 'task.changed', task: away });

    expect(ids(taskKey({}))).toEqual([['t1', 't2']]);
    expect(ids(taskKey({ assignedToMe: true }))).toEqual([['t2']]);
    expect(ids(taskKey({ createdByMe: true }))).toEqual([['t1']]);
  });

  it('drops an older snapshot that arrives after a newer one (a replay)', () => {
    const cache = setup();
    queryClient.setQueryData(taskKey({ assignedToMe: true }), pagedOf([other]));
    cache.apply({ kind: 'task.changed', task: away });
    cache.apply({ kind: 'task.changed', task: mine });
    expect(ids(taskKey({ assignedToMe: true }))).toEqual([['t2']]);
  });

  it('applies a change again to a list whose fetch was in flight', async () => {
    const cache = setup();
    const key = taskKey({ assignedToMe: true });
    let answer: (data: { items: Task[]; nextCursor: null }) => void = () => undefined;
    const fetching = queryClient.infiniteQuery({
      queryKey: key,
      initialPageParam: null,
      queryFn: () =>
        new Promise<{ items: Task[]; nextCursor: null }>((resolve) => {
          answer = resolve;
        }),
    });
    cache.apply({ kind: 'task.changed', task: away });
    // The answer was computed before the reassignment.
    answer({ items: [mine, other], nextCursor: null });
    await fetching;
    expect(ids(key)).toEqual([['t2']]);
  });

  it('adds a lead newly assigned to me to the leads list', () => {
    const cache = setup();
    const older = makeLead('l0', { minutesAgo: 10, createdById: sales1.id });
    queryClient.setQueryData(leadKey, pagedOf([older]));
    const lead = makeLead('l1', { minutesAgo: 1, assigneeId: sales1.id, version: 1 });
    cache.apply({ kind: 'lead.changed', lead });
    cache.apply({ kind: 'lead.changed', lead });
    expect(ids(leadKey)).toEqual([['l1', 'l0']]);
    cache.apply({ kind: 'lead.changed', lead: makeLead('l2', { assigneeId: 'sia' }) });
    expect(ids(leadKey)).toEqual([['l1', 'l0']]);
  });
});
