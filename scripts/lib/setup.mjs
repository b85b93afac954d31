// Machine set-up shared by `npm start` and `npm test`. Plain Node: it runs before any install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(msg) {
  process.stdout.write(`\x1b[36m▸\x1b[0m ${msg}\n`);
}

export function fail(msg) {
  process.stderr.write(`\x1b[31m✖\x1b[0m ${msg}\n`);
  process.exit(1);
}

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (res.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
}

export function ensurePnpm() {
  if (has('pnpm')) return;
  log('Installing pnpm (npm i -g pnpm@12.18.0)…');
  run('npm', ['install', '-g', 'pnpm@12.18.0']);
}

export function ensureDependencies() {
  const marker = join(root, 'node_modules/.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('Installing dependencies (pnpm install --frozen-lockfile)…');
  run('pnpm', ['install', '--frozen-lockfile']);
}

let aptUpdated = false;
function aptInstall(pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) run('apt-get', ['update', '-qq'], { env });
  aptUpdated = true;
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env });
}

/** Installs a Debian package when missing and we may, or explains how to get it. */
export function ensureDebian(cmd, pkg, why) {
  if (has(cmd)) return;
  if (isRoot && has('apt-get')) {
    log(`Installing ${pkg} (apt-get install ${pkg}): ${why}`);
    aptInstall([pkg]);
    if (has(cmd)) return;
  }
  fail(
    `${cmd} is not installed and cannot be installed automatically (${why}).\n` +
      `  Debian/Ubuntu: sudo apt-get install ${pkg}    macOS: brew install ${pkg === 'redis-server' ? 'redis' : pkg}` +
      (pkg === 'redis-server' ? '\n  Or point REDIS_URL at a running Redis 7+.' : ''),
  );
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts redis-server as a child with AOF persistence in `dir`; resolves once it accepts connections. */
export async function startRedis(dir) {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--loglevel',
      'notice',
      '--logfile',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.stderr.on('data', (c) => (out += c));
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}):\n${out.slice(-2000)}`)),
    );
  });
  return { child, url: `redis://127.0.0.1:${port}` };
}
