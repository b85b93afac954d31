import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import { TRPCClientError } from '@acme/client';
import { bearerClient, listen } from '../fixtures';
import { DEMO_EMAILS, useClusterStack, type DemoEmail } from './cluster-stack';
import { createdTaskIds, listAll, taskIdOf } from './notifications-of';

// Every write waits for one replica, so a master's death loses nothing acknowledged. AOF on,
// as in production: the killed node restarts with its data, not as an empty master.
const stack = useClusterStack({ REDIS_MIN_REPLICAS: '1' }, { appendOnly: true });

interface Refusal {
  ms: number;
  code: string | undefined;
  message: string;
}

describe('kill -9 of the master that owns a user slot', () => {
  it('loses no acknowledged notification, refuses quickly and clearly, and others never notice', async () => {
    const { cluster, servers, idOf } = stack;
    const [a, b] = servers;
    const victim: DemoEmail = 'sales1@demo.test';
    const victimMaster = await cluster.masterFor(`{u:${idOf(victim)}}`);
    let bystander: DemoEmail | undefined;
    for (const email of DEMO_EMAILS) {
      if (email === victim || email === 'manager@demo.test') continue;
      if ((await cluster.masterFor(`{u:${idOf(email)}}`)) !== victimMaster) bystander = email;
    }

    const victimClient = await bearerClient(a.url, victim);
    const stream = listen(victimClient);
    const bystanderStream = bystander ? listen(await bearerClient(a.url, bystander)) : null;
    await Promise.all([stream.ready(), bystanderStream?.ready()]);
    const manager = await bearerClient(b.url, 'manager@demo.test');

    // Creates for the victim run on the other process throughout, one after the other.
    const acked: string[] = [];
    const refused: Refusal[] = [];
    // Shared with the loop below; an object so its fields are not narrowed to their start values.
    const run: { stop: boolean; killedAt: number | null; firstAckAfterKill: number | null } = {
      stop: false,
      killedAt: null,
      firstAckAfterKill: null,
    };
    const creating = (async () => {
      for (let i = 0; !run.stop; i++) {
        const started = performance.now();
        try {
          const task = await manager.tasks.create.mutate({
            title: `Failover ${i}`,
            priority: 'low',
            assigneeId: idOf(victim),
          });
          acked.push(task.id);
          // The window: from the kill to the first create begun after it that is acknowledged.
          if (run.killedAt !== null && started > run.killedAt) {
            run.firstAckAfterKill ??= performance.now();
          }
        } catch (err) {
          if (!(err instanceof TRPCClientError)) throw err;
          const data = err.data as { code?: string } | undefined;
          refused.push({ ms: performance.now() - started, code: data?.code, message: err.message });
        }
      }
    })();

    await vi.waitFor(
      () => {
        if (createdTaskIds(stream.events).length < 10) throw new Error('warming up');
      },
      { timeout: 20_000, interval: 10 },
    );
    const resumeFrom = stream.lastId();
    const seenBeforeKill = new Set(createdTaskIds(stream.events));
    run.killedAt = performance.now();
    await cluster.kill(victimMaster);
    const ackedAtKill = acked.length;
    // Its replica takes over; then the killed node comes back (as a supervisor would restart
    // it) and rejoins as the new master's replica, so writes can be confirmed again.
    await vi.waitFor(
      async () => {
        if ((await cluster.topology()).masters.includes(victimMaster))
          throw new Error('failing over');
      },
      { timeout: 20_000, interval: 50 },
    );
    await cluster.restart(victimMaster);
    await vi.waitFor(
      () => {
        if (acked.length < ackedAtKill + 20) throw new Error(`${acked.length - ackedAtKill} acked`);
      },
      { timeout: 45_000, interval: 20 },
    );
    run.stop = true;
    await creating;
    await cluster.waitHealthy();

    // Every acknowledged notification is listed, once.
    const listed = (await listAll(victimClient)).flatMap(taskIdOf);
    expect(new Set(listed).size).toBe(listed.length);
    expect(acked.filter((id) => !listed.includes(id))).toEqual([]);

    // Resuming from the last id seen before the kill: each exactly once, in order.
    const resumed = listen(victimClient, resumeFrom);
    const expected = acked.filter((id) => !seenBeforeKill.has(id));
    await vi.waitFor(
      () => {
        const got = new Set(createdTaskIds(resumed.events));
        if (!expected.every((id) => got.has(id))) throw new Error('replaying');
      },
      { timeout: 20_000, interval: 20 },
    );
    const replayed = createdTaskIds(resumed.events);
    expect(new Set(replayed).size).toBe(replayed.length);
    expect(replayed.filter((id) => expected.includes(id))).toEqual(expected);
    expect(replayed.some((id) => seenBeforeKill.has(id))).toBe(false);

    // The stream that stayed open resynced: it has every acknowledged one, once, in order.
    await vi.waitFor(
      () => {
        const got = new Set(createdTaskIds(stream.events));
        if (!acked.every((id) => got.has(id))) throw new Error('resyncing');
      },
      { timeout: 20_000, interval: 20 },
    );
    const live = createdTaskIds(stream.events);
    expect(new Set(live).size).toBe(live.length);
    expect(live.filter((id) => acked.includes(id))).toEqual(acked);

    // Refusals were quick (within 10 s) and said what happened.
    for (const r of refused) {
      expect(r.ms).toBeLessThan(10_000);
      expect(r.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.message).toMatch(/storage is unavailable right now/i);
    }

    // A user on another shard: no error, no reset, still live.
    if (bystanderStream && bystander) {
      const task = await manager.tasks.create.mutate({
        title: 'After the failover',
        priority: 'low',
        assigneeId: idOf(bystander),
      });
      await bystanderStream.waitForCreated(1);
      expect(bystanderStream.errors).toEqual([]);
      // The task.changed record event (issue 15) races the notification: left out here.
      const kinds = bystanderStream.events.map((e) => e.data.kind);
      expect(kinds.filter((kind) => kind !== 'task.changed')).toEqual([
        'sync.reset',
        'notification.created',
      ]);
      expect(createdTaskIds(bystanderStream.events)).toEqual([task.id]);
    }
    const windowMs = (run.firstAckAfterKill ?? NaN) - run.killedAt;
    process.stdout.write(
      `failover: ${acked.length} acknowledged (${ackedAtKill} before the kill), ` +
        `${refused.length} refused (slowest ${Math.round(Math.max(0, ...refused.map((r) => r.ms)))} ms), ` +
        `window ${Math.round(windowMs)} ms, none lost\n`,
    );
    stream.close();
    resumed.close();
    bystanderStream?.close();
  }, 120_000);

  it('while a slot has no master, refuses its writes within 10 s and leaves nothing half-written', async () => {
    const { cluster, servers, idOf } = stack;
    const victim: DemoEmail = 'sales1@demo.test';
    const master = await cluster.masterFor(`{u:${idOf(victim)}}`);
    const shard = [
      master,
      ...(await cluster.topology()).replicas
        .filter((r) => r.masterPort === master)
        .map((r) => r.port),
    ];
    const manager = await bearerClient(servers[1].url, 'manager@demo.test');
    for (const port of shard) await cluster.kill(port);

    const titles = ['No master 1', 'No master 2', 'No master 3'];
    for (const title of titles) {
      const started = performance.now();
      const err = await manager.tasks.create
        .mutate({ title, priority: 'low', assigneeId: idOf(victim) })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(err).toBeInstanceOf(TRPCClientError);
      expect((err as TRPCClientError<never>).data).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect((err as Error).message).toMatch(/unavailable/i);
    }

    for (const port of shard) await cluster.restart(port);
    await cluster.waitHealthy();
    const tasks = await manager.tasks.list.query({ limit: 100 });
    expect(tasks.items.filter((t) => titles.includes(t.title))).toEqual([]);
    const inbox = await listAll(await bearerClient(servers[0].url, victim));
    expect(inbox.filter((n) => titles.some((t) => n.title.includes(t)))).toEqual([]);
  }, 60_000);
});
