import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { getFreePort } from '@acme/testing';
import { bearerClient, taskAssigned } from './fixtures';
import { useStack } from './stack';
import { startServer } from './server-process';

const stack = useStack();

const CLIENT_DIR = fileURLToPath(new URL('../../../packages/client', import.meta.url));
const TSX = join(CLIENT_DIR, 'node_modules/.bin/tsx');

let configHome: string;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), 'notify-cli-'));
});
afterAll(async () => {
  await rm(configHome, { recursive: true, force: true });
});

function notify(args: string[]) {
  const child = spawn(TSX, ['src/cli/main.ts', ...args], {
    cwd: CLIENT_DIR,
    env: { PATH: process.env.PATH, XDG_CONFIG_HOME: configHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

async function login(password = 'demo-password', url = stack.server.url) {
  const run = notify([
    'login',
    '--url',
    url,
    '--email',
    'sales1@demo.test',
    '--password',
    password,
  ]);
  return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
}

it('login stores a 0600 token; `tail --json` prints a created notification as one JSON line', async () => {
  const { code, stdout } = await login();
  expect(code).toBe(0);
  expect(stdout).toContain('Logged in as sales1@demo.test');
  const file = join(configHome, 'acme-notify', 'credentials.json');
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  const tail = notify(['tail', '--json']);
  try {
    // The first line is the stream's initial sync.reset: the CLI is subscribed from then on.
    await vi.waitFor(
      () => {
        expect(tail.stdout()).toContain('"kind":"sync.reset"');
      },
      {
        timeout: 20_000,
      },
    );
    const me = (await (
      await fetch(`${stack.server.url}/api/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sales1@demo.test', password: 'demo-password' }),
      })
    ).json()) as { access: string };
    const userId = (
      JSON.parse(Buffer.from(me.access.split('.')[1] ?? '', 'base64url').toString()) as {
        sub: string;
      }
    ).sub;
    const { notification } = await stack.store.create(userId, taskAssigned('from the CLI test'));
    await vi.waitFor(
      () => {
        expect(tail.stdout()).toContain(notification.id);
      },
      { timeout: 10_000 },
    );
    const line =
      tail
        .stdout()
        .split('\n')
        .find((l) => l.includes(notification.id)) ?? '';
    expect(JSON.parse(line)).toMatchObject({
      kind: 'notification.created',
      notification: { id: notification.id },
    });

    const list = notify(['list', '--json']);
    expect(await list.exited).toBe(0);
    expect(list.stdout()).toContain(notification.id);
    const read = notify(['read', notification.id]);
    expect(await read.exited).toBe(0);
    expect(read.stdout()).toContain('Read: Task Assigned: from the CLI test');
    await vi.waitFor(() => {
      expect(tail.stdout()).toContain('"kind":"notification.read"');
    });
  } finally {
    tail.child.kill('SIGINT');
    await tail.exited;
  }
});

it('`archive <id>` and `snooze <id> 2h` act on one notification; a bad time is refused', async () => {
  expect((await login()).code).toBe(0);
  const me = await (await bearerClient(stack.server.url, 'sales1@demo.test')).auth.me.query();
  const archived = await stack.store.create(me.id, taskAssigned('archive from the CLI'));
  const snoozed = await stack.store.create(me.id, taskAssigned('snooze from the CLI'));

  const archive = notify(['archive', archived.notification.id]);
  expect(await archive.exited).toBe(0);
  expect(archive.stdout()).toContain('Archived: Task Assigned: archive from the CLI');
  const badTime = notify(['snooze', snoozed.notification.id, 'soon']);
  expect(await badTime.exited).toBe(1);
  expect(badTime.stderr()).toContain('Give a time like 45m, 2h, 3d');
  const snooze = notify(['snooze', snoozed.notification.id, '2h']);
  expect(await snooze.exited).toBe(0);
  expect(snooze.stdout()).toContain('Snoozed until');

  const ids = async (view: 'archived' | 'snoozed') =>
    (await stack.store.list(me.id, { view })).items.map((n) => n.id);
  expect(await ids('archived')).toContain(archived.notification.id);
  expect(await ids('snoozed')).toContain(snoozed.notification.id);
});

it('explains a refused login and an unreachable server', async () => {
  const refused = await login('wrong-password');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('Wrong email or password');

  const nowhere = await login('demo-password', `http://127.0.0.1:${await getFreePort()}`);
  expect(nowhere.code).toBe(1);
  expect(nowhere.stderr).toMatch(
    /Cannot reach the server at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
  );
});

it('explains an expired token', async () => {
  const shortServer = await startServer({
    ...stack.redisEnv,
    SESSION_TTL_SECONDS: '1',
  });
  try {
    expect((await login('demo-password', shortServer.url)).code).toBe(0);
    await vi.waitFor(
      async () => {
        const list = notify(['list']);
        expect(await list.exited).toBe(1);
        expect(list.stderr()).toMatch(/token expired .* Run `notify login` again/);
      },
      { timeout: 10_000, interval: 250 },
    );
  } finally {
    await shortServer.stop();
  }
});
