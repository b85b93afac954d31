import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { taskAssigned } from './fixtures';
import { useStack } from './stack';
import { readSeedStream, type SeedEvent } from './seed-clients/node-reader';
import { startServer, TEST_JWT_SECRET } from './server-process';

const stack = useStack({ server: { LOG_LEVEL: 'info' } });

const PYTHON_READER = fileURLToPath(new URL('./seed-clients/python_reader.py', import.meta.url));
const NAMED = '/api/notifications/stream/';
const UNNAMED = '/api/communication/notifications/sse/';
const SEED_FIELDS = [
  'id',
  'user',
  'notification_type',
  'title',
  'message',
  'lead_id',
  'task_id',
  'reminder_id',
  'metadata',
  'task_data',
  'lead_data',
  'reminder_data',
  'is_read',
  'read_at',
  'created_at',
  'updated_at',
];

async function obtainToken(username: string, password = 'demo-password', url = stack.server.url) {
  const res = await fetch(`${url}/api/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as { access?: string; detail?: string } };
}

async function session(email: string, url = stack.server.url) {
  const { body } = await obtainToken(email, undefined, url);
  if (!body.access) throw new Error('no token');
  const userId = JSON.parse(
    Buffer.from(body.access.split('.')[1] ?? '', 'base64url').toString(),
  ) as { sub: string };
  return { token: body.access, userId: userId.sub };
}

/** Runs the Python reader and collects the JSON lines it prints. */
function runPython(url: string, count: number, extra: string[] = []) {
  const child = spawn('python3', [PYTHON_READER, url, String(count), ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: SeedEvent[] = [];
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) if (line) events.push(JSON.parse(line) as SeedEvent);
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { events, exited, stderr: () => err, kill: () => child.kill() };
}

describe('POST /api/token/', () => {
  it('answers {"access": …} for a username (email) and password, 401 otherwise', async () => {
    const ok = await obtainToken('sales1@demo.test');
    expect(ok.status).toBe(200);
    expect(ok.body.access).toMatch(/^ey/);
    const refused = await obtainToken('sales1@demo.test', 'wrong');
    expect(refused.status).toBe(401);
    expect(refused.body.access).toBeUndefined();
  });
});

describe(`GET ${NAMED} (named events)`, () => {
  it('a Python client with ?token= gets `connected` and a notification in the seed field names, then resumes', async () => {
    const { token, userId } = await session('sales1@demo.test');
    const url = `${stack.server.url}${NAMED}?token=${token}`;
    const first = runPython(url, 1);
    await vi.waitFor(
      () => {
        expect(first.events[0]?.event).toBe('connected');
      },
      { timeout: 15_000 },
    );
    expect(first.events[0]?.data).toEqual({ message: 'Connected to notification stream' });

    const { notification } = await stack.store.create(userId, taskAssigned('Complete project'));
    expect(await first.exited).toBe(0);
    const received = first.events[1];
    expect(received?.event).toBe('notification');
    expect(Object.keys(received?.data ?? {})).toEqual(expect.arrayContaining(SEED_FIELDS));
    expect(received?.data).toMatchObject({
      id: notification.id,
      user: userId,
      notification_type: 'task_assignment',
      title: 'Task Assigned: Complete project',
      message: 'Task "Complete project" has been assigned to you.',
      task_id: notification.type === 'task_assignment' ? notification.task.id : null,
      lead_id: null,
      reminder_id: null,
      task_data: { title: 'Complete project', priority: 'high', status: 'to_do' },
      is_read: false,
      read_at: null,
    });
    expect(received?.id).toMatch(/^\d+-\d+$/);

    // Two more arrive while no client is connected; Last-Event-ID resumes with exactly those.
    const missed = [
      await stack.store.create(userId, taskAssigned('one')),
      await stack.store.create(userId, taskAssigned('two')),
    ];
    const resumed = runPython(url, 2, ['--last-event-id', received?.id ?? '']);
    expect(await resumed.exited).toBe(0);
    expect(resumed.events.filter((e) => e.event === 'notification').map((e) => e.data.id)).toEqual(
      missed.map((m) => m.notification.id),
    );

    // The token travelled in the URL; it must not reach the log.
    expect(stack.server.output()).toContain('token=[REDACTED]');
    expect(stack.server.output()).not.toContain(token);
  });

  it('a Node fetch reader with a Bearer header gets `connected` and a notification, then resumes', async () => {
    const { token, userId } = await session('sales2@demo.test');
    let created: Promise<unknown> | null = null;
    const events = await readSeedStream(
      `${stack.server.url}${NAMED}`,
      { Authorization: `Bearer ${token}` },
      (seen) => {
        if (seen.length === 1 && !created)
          created = stack.store.create(userId, taskAssigned('fetch reader'));
        return seen.some((e) => e.event === 'notification');
      },
    );
    expect(events.map((e) => e.event)).toEqual(['connected', 'notification']);
    expect(events[1]?.data).toMatchObject({
      notification_type: 'task_assignment',
      title: 'Task Assigned: fetch reader',
    });

    const missed = await stack.store.create(userId, taskAssigned('while away'));
    const resumed = await readSeedStream(
      `${stack.server.url}${NAMED}`,
      { Authorization: `Bearer ${token}`, 'Last-Event-ID': events[1]?.id ?? '' },
      (seen) => seen.some((e) => e.event === 'notification'),
    );
    expect(resumed.filter((e) => e.event === 'notification').map((e) => e.data.id)).toEqual([
      missed.notification.id,
    ]);
  });
});

describe('issue 15 on the plain routes', () => {
  it('skips record events and streams task_completed with its type string and the seed fields', async () => {
    const { token, userId } = await session('sales2@demo.test');
    const fixture = taskAssigned('completed one');
    if (fixture.type !== 'task_assignment') throw new Error('fixture');
    const { task } = fixture;
    let sent: Promise<unknown> | null = null;
    const events = await readSeedStream(
      `${stack.server.url}${NAMED}`,
      { Authorization: `Bearer ${token}` },
      (seen) => {
        if (seen.length === 1 && !sent) {
          // The record event goes first: were it mapped, it would be the first frame after
          // `connected`.
          sent = stack.store
            .publishEvents([{ userId, event: { kind: 'task.changed', task } }])
            .then(() =>
              stack.store.create(userId, {
                ...fixture,
                type: 'task_completed',
                title: `Task Completed: ${task.title}`,
                message: `Sam completed "${task.title}".`,
                actor: { id: 'sam', name: 'Sam' },
              }),
            );
        }
        return seen.some((e) => e.event === 'notification');
      },
    );
    expect(events.map((e) => e.event)).toEqual(['connected', 'notification']);
    expect(Object.keys(events[1]?.data ?? {})).toEqual(expect.arrayContaining(SEED_FIELDS));
    expect(events[1]?.data).toMatchObject({
      notification_type: 'task_completed',
      title: 'Task Completed: completed one',
      task_id: task.id,
      task_data: { id: task.id, title: task.title, status: task.status },
    });
  });
});

describe(`GET ${UNNAMED} (unnamed data events)`, () => {
  it('streams `SSE connection established`, then {id, message, …} per notification, and resumes', async () => {
    const { token, userId } = await session('approver@demo.test');
    const url = `${stack.server.url}${UNNAMED}?token=${token}`;
    const reader = runPython(url, 1);
    await vi.waitFor(
      () => {
        expect(reader.events[0]?.data).toEqual({ message: 'SSE connection established' });
      },
      { timeout: 15_000 },
    );
    expect(reader.events[0]?.event).toBe('message'); // unnamed, as the Next.js listener expects

    const { notification } = await stack.store.create(userId, taskAssigned('unnamed'));
    expect(await reader.exited).toBe(0);
    expect(reader.events[1]?.event).toBe('message');
    expect(reader.events[1]?.data).toMatchObject({
      id: notification.id,
      message: notification.message,
    });

    const missed = await stack.store.create(userId, taskAssigned('later'));
    const resumed = await readSeedStream(
      url,
      { 'Last-Event-ID': reader.events[1]?.id ?? '' },
      (seen) => seen.some((e) => e.data.id !== undefined),
    );
    expect(resumed.filter((e) => e.data.id !== undefined).map((e) => e.data.id)).toEqual([
      missed.notification.id,
    ]);
  });
});

describe.each([NAMED, UNNAMED])('%s refuses bad credentials with 401', (path) => {
  it('no token, a bad token, an expired token', async () => {
    const { userId } = await session('manager@demo.test');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setJti('expired-session')
      .setIssuer('acme-notifications')
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect((await fetch(`${stack.server.url}${path}`)).status).toBe(401);
    expect((await fetch(`${stack.server.url}${path}?token=garbage`)).status).toBe(401);
    expect(
      (await fetch(`${stack.server.url}${path}`, { headers: { Authorization: 'Bearer garbage' } }))
        .status,
    ).toBe(401);
    expect((await fetch(`${stack.server.url}${path}?token=${expired}`)).status).toBe(401);
    expect(
      (
        await fetch(`${stack.server.url}${path}`, {
          headers: { Authorization: `Bearer ${expired}` },
        })
      ).status,
    ).toBe(401);
  });
});

describe('how a stream ends comes from the procedure, in each dialect', () => {
  /** Opens both routes with a Bearer token and reads each until its `error` event. */
  const readBoth = (url: string, token: string, onConnected: () => void = () => undefined) => {
    const connected = new Set<string>();
    return Promise.all(
      [NAMED, UNNAMED].map((path) =>
        readSeedStream(`${url}${path}`, { Authorization: `Bearer ${token}` }, (seen) => {
          if (seen.length > 0 && connected.size < 2 && connected.add(path).size === 2)
            onConnected();
          return seen.some((e) => 'error' in e.data);
        }),
      ),
    );
  };

  it('an expired session: `error` "Token expired"', async () => {
    const server = await startServer({
      ...stack.redisEnv,
      DEMO: '1',
      SESSION_TTL_SECONDS: '2',
    });
    try {
      const { token } = await session('sales1@demo.test', server.url);
      const [named, unnamed] = await readBoth(server.url, token);
      expect(named?.map((e) => [e.event, e.data])).toEqual([
        ['connected', { message: 'Connected to notification stream' }],
        ['error', { error: 'Token expired' }],
      ]);
      expect(unnamed?.map((e) => [e.event, e.data])).toEqual([
        ['message', { message: 'SSE connection established' }],
        ['message', { error: 'Token expired' }],
      ]);
    } finally {
      await server.stop();
    }
  });

  it('a server shutdown: `error` "Server is restarting"', async () => {
    const server = await startServer({ ...stack.redisEnv, DEMO: '1' });
    const { token } = await session('sales2@demo.test', server.url);
    let stopped: Promise<unknown> = Promise.resolve();
    const [named, unnamed] = await readBoth(server.url, token, () => {
      stopped = server.stop();
    });
    await stopped;
    expect(named?.at(-1)).toMatchObject({
      event: 'error',
      data: { error: 'Server is restarting' },
    });
    expect(unnamed?.at(-1)).toMatchObject({
      event: 'message',
      data: { error: 'Server is restarting' },
    });
  });
});
