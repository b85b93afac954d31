import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { bearerClient, listen } from '../fixtures';
import { useClusterStack, type DemoEmail } from './cluster-stack';
import { createdTaskIds, listAll, taskIdOf } from './notifications-of';

const stack = useClusterStack();

const noDuplicates = (ids: string[]) => {
  expect(new Set(ids).size).toBe(ids.length);
};

describe('two server processes on a 3+3 Redis Cluster', () => {
  it('a create on one process reaches the streams on the other, once', async () => {
    const [a, b] = stack.servers;
    const stream = listen(await bearerClient(a.url, 'sales2@demo.test'));
    await stream.ready();
    const manager = await bearerClient(b.url, 'manager@demo.test');
    const task = await manager.tasks.create.mutate({
      title: 'Across processes',
      priority: 'medium',
      assigneeId: stack.idOf('sales2@demo.test'),
    });
    await stream.waitForCreated(1);
    // A later event proves nothing else was coming for the first one.
    const second = await manager.tasks.create.mutate({
      title: 'Second',
      priority: 'low',
      assigneeId: stack.idOf('sales2@demo.test'),
    });
    await vi.waitFor(() => {
      expect(createdTaskIds(stream.events)).toContain(second.id);
    });
    expect(createdTaskIds(stream.events)).toEqual([task.id, second.id]);
    stream.close();
  });

  it('an approver group notifies each member once, whichever shard holds them', async () => {
    const [a, b] = stack.servers;
    const members: DemoEmail[] = ['sales1@demo.test', 'sales2@demo.test', 'approver@demo.test'];
    const streams = await Promise.all(
      members.map(async (m) => listen(await bearerClient(a.url, m))),
    );
    await Promise.all(streams.map((s) => s.ready()));
    const manager = await bearerClient(b.url, 'manager@demo.test');
    const name = `Board ${randomUUID().slice(0, 8)}`;
    await manager.approverGroups.create.mutate({ name, memberIds: members.map(stack.idOf) });
    for (const s of streams) {
      const forGroup = () => s.created().filter((e) => JSON.stringify(e.data).includes(name));
      await vi.waitFor(() => {
        expect(forGroup()).not.toHaveLength(0);
      });
      expect(forGroup()).toHaveLength(1);
      s.close();
    }
  });

  it('a live slot migration while the stream is open and creates go on loses and repeats nothing', async () => {
    const { cluster, servers, idOf } = stack;
    const [a, b] = servers;
    const user: DemoEmail = 'approver@demo.test';
    const slotKey = `{u:${idOf(user)}}`;
    const from = await cluster.masterFor(slotKey);
    const to = (await cluster.topology()).masters.find((p) => p !== from);
    if (to === undefined) throw new Error('no other master');
    const client = await bearerClient(a.url, user);
    const stream = listen(client);
    await stream.ready();
    const manager = await bearerClient(b.url, 'manager@demo.test');

    const acked: string[] = [];
    const run: { stop: boolean; failure?: unknown } = { stop: false };
    // A create refused during the move fails the test here, not as an unhandled rejection.
    const creating = (async () => {
      for (let i = 0; !run.stop; i++) {
        const task = await manager.tasks.create.mutate({
          title: `Moving ${i}`,
          priority: 'low',
          assigneeId: idOf(user),
        });
        acked.push(task.id);
      }
    })().catch((err: unknown) => {
      run.failure = err;
    });
    const failed = () => run.failure !== undefined;
    await vi.waitFor(() => {
      if (acked.length < 10 && !failed()) throw new Error('warming up');
    });
    await cluster.migrateSlotOf(slotKey, to);
    expect(await cluster.masterFor(slotKey)).toBe(to);
    const atMove = acked.length;
    await vi.waitFor(
      () => {
        if (acked.length < atMove + 20 && !failed())
          throw new Error(`${acked.length - atMove} after the move`);
      },
      { timeout: 30_000, interval: 20 },
    );
    run.stop = true;
    await creating;
    expect(run.failure).toBeUndefined();

    await vi.waitFor(
      () => {
        const got = new Set(createdTaskIds(stream.events));
        if (!acked.every((id) => got.has(id))) throw new Error('delivering');
      },
      { timeout: 20_000, interval: 20 },
    );
    const delivered = createdTaskIds(stream.events);
    noDuplicates(delivered);
    expect(delivered.filter((id) => acked.includes(id))).toEqual(acked);
    const listed = (await listAll(client)).flatMap(taskIdOf);
    noDuplicates(listed);
    expect(acked.filter((id) => !listed.includes(id))).toEqual([]);
    stream.close();
  }, 90_000);

  it('a reminder fires once, with a scheduler in each process', async () => {
    const [a, b] = stack.servers;
    const user: DemoEmail = 'sales1@demo.test';
    const stream = listen(await bearerClient(a.url, user));
    await stream.ready();
    const client = await bearerClient(b.url, user);
    const task = await client.tasks.create.mutate({ title: 'Remind me', priority: 'high' });
    const remindAt = new Date(Date.now() + 1500).toISOString();
    const reminder = await client.reminders.schedule.mutate({ taskId: task.id, remindAt });
    await vi.waitFor(
      async () => {
        const { items } = await client.reminders.list.query({ taskId: task.id });
        expect(items.find((r) => r.id === reminder.id)?.status).toBe('fired');
      },
      { timeout: 20_000, interval: 50 },
    );
    await vi.waitFor(() => {
      expect(createdTaskIds(stream.events)).toContain(task.id);
    });
    const reminders = (await listAll(client)).filter(
      (n) => n.type === 'task_reminder' && taskIdOf(n)[0] === task.id,
    );
    expect(reminders).toHaveLength(1);
    stream.close();
  });
});
