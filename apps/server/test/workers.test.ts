import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServerHandle } from '@acme/testing';
import { bearerClient, listen } from './fixtures';
import { getOnNewConnection, trpcMutation } from './http';
import { isRunning, logLines, pidsServing, waitForWorkers } from './process-logs';
import {
  runServerExpectingExit,
  startServer,
  TEST_JWT_SECRET,
  type ServerProcess,
} from './server-process';

async function healthzStatuses(server: ServerProcess, tag: string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await getOnNewConnection(server.url, `/healthz?${tag}=${i}`);
    res.resume();
    statuses.push(res.statusCode ?? 0);
  }
  return statuses;
}

/** A raw `notifications.onEvent` response, to see the server end it. */
async function openStream(server: ServerProcess, email: string) {
  const res = await trpcMutation(server.url, 'auth.createToken', {
    email,
    password: 'demo-password',
  });
  const { accessToken } = (res.body as { result: { data: { accessToken: string } } }).result.data;
  return getOnNewConnection(server.url, '/trpc/notifications.onEvent', {
    authorization: `Bearer ${accessToken}`,
    accept: 'text/event-stream',
  });
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

let redis: RedisServerHandle;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

describe('WORKERS=2', () => {
  let server: ServerProcess;
  let workers: number[];
  beforeAll(async () => {
    server = await startServer({ REDIS_URL: redis.url, DEMO: '1', WORKERS: '2' });
    workers = await waitForWorkers(server, 2);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('prints the banner once and logs two distinct worker pids', async () => {
    await server.waitForOutput(/approver@demo\.test +approver/);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(server.pid);
    expect(count(server.output(), 'Acme Ops is running at')).toBe(1);
    expect(count(server.output(), 'Demo logins')).toBe(1);
    const ids = logLines(server).flatMap((l) => (l.msg === 'worker listening' ? [l.workerId] : []));
    expect(new Set(ids)).toEqual(new Set([1, 2]));
  });

  it('answers requests from both workers on one port', async () => {
    expect(await healthzStatuses(server, 'spread', 10)).toEqual(Array(10).fill(200));
    await vi.waitFor(() => {
      expect(pidsServing(server, '/healthz?spread=')).toEqual(new Set(workers));
    });
  });

  it('a notification created on one connection reaches streams opened on others, across processes', async () => {
    const approver = await bearerClient(server.url, 'approver@demo.test');
    const approverId = (await approver.auth.me.query()).id;
    const streams = [listen(approver), listen(approver), listen(approver), listen(approver)];
    await Promise.all(streams.map((s) => s.ready()));
    // Streams on both workers: whichever one takes the mutation, the other only hears of it
    // through Redis.
    expect(pidsServing(server, '/trpc/notifications.onEvent')).toEqual(new Set(workers));

    const manager = await bearerClient(server.url, 'manager@demo.test');
    const task = await manager.tasks.create.mutate({
      title: 'Across workers',
      priority: 'high',
      assigneeId: approverId,
    });
    await Promise.all(streams.map((s) => s.waitForCreated(1)));
    for (const s of streams) {
      expect(s.created()[0]?.data).toMatchObject({
        kind: 'notification.created',
        notification: { task: { id: task.id } },
      });
      s.close();
    }
  });

  it('replaces a worker killed with SIGKILL and keeps answering', async () => {
    const [victim, survivor] = workers;
    if (victim === undefined || survivor === undefined) throw new Error('no workers');
    process.kill(victim, 'SIGKILL');
    await server.waitForOutput(/"msg":"worker died: starting a new one"/);
    const after = await waitForWorkers(server, 3);
    const replacement = after.find((pid) => !workers.includes(pid));
    expect(replacement).toBeDefined();
    expect(isRunning(victim)).toBe(false);

    expect(await healthzStatuses(server, 'after-kill', 10)).toEqual(Array(10).fill(200));
    await vi.waitFor(() => {
      expect(pidsServing(server, '/healthz?after-kill=')).toEqual(new Set([survivor, replacement]));
    });
    expect(count(server.output(), 'Acme Ops is running at')).toBe(1);
  });
});

describe('SIGTERM to the primary', () => {
  it('ends open streams and exits 0 with every worker gone', async () => {
    const server = await startServer({ REDIS_URL: redis.url, DEMO: '1', WORKERS: '2' });
    try {
      const workers = await waitForWorkers(server, 2);
      const stream = await openStream(server, 'sales1@demo.test');
      expect(stream.statusCode).toBe(200);
      await once(stream, 'data');
      stream.resume();
      const ended = once(stream, 'end');

      const started = Date.now();
      const code = await server.stop('SIGTERM');
      await ended;
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(workers.filter(isRunning)).toEqual([]);
      expect(isRunning(server.pid)).toBe(false);
    } finally {
      await server.stop('SIGKILL');
    }
  });
});

describe('configuration', () => {
  it('WORKERS=1 (the default) is one process without a cluster primary', async () => {
    const server = await startServer({ REDIS_URL: redis.url });
    try {
      expect(await healthzStatuses(server, 'single', 3)).toEqual([200, 200, 200]);
      await vi.waitFor(() => {
        expect(pidsServing(server, '/healthz?single=')).toEqual(new Set([server.pid]));
      });
      expect(server.output()).not.toContain('starting workers');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('WORKERS=auto runs one worker per CPU', async () => {
    const cpus = availableParallelism();
    const server = await startServer({ REDIS_URL: redis.url, WORKERS: 'auto' });
    try {
      if (cpus > 1) expect(new Set(await waitForWorkers(server, cpus)).size).toBe(cpus);
      else expect(server.output()).not.toContain('starting workers');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it.each(['0', 'abc', '65'])('refuses WORKERS=%s', async (value) => {
    const { code, output } = await runServerExpectingExit({
      REDIS_URL: redis.url,
      JWT_SECRET: TEST_JWT_SECRET,
      WORKERS: value,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'Invalid configuration: WORKERS must be an integer from 1 to 64, or auto',
    );
  });
});
