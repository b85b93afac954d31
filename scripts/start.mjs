// `npm start`: installs what is missing, starts an embedded Redis (unless REDIS_URL or
// REDIS_CLUSTER_NODES is set), builds, and serves the app with demo users. Ctrl-C stops it all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDebian,
  ensureDependencies,
  ensurePnpm,
  log,
  root,
  run,
  startRedis,
} from './lib/setup.mjs';

ensurePnpm();
ensureDependencies();
const ownRedis = Boolean(process.env.REDIS_URL || process.env.REDIS_CLUSTER_NODES);
if (!ownRedis) ensureDebian('redis-server', 'redis-server', 'the embedded local Redis');

log('Building (turbo run build)…');
run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);

const dataDir = join(root, '.data');
mkdirSync(join(dataDir, 'redis'), { recursive: true });

// A stable secret so sessions survive restarts; generated once, readable only by this user.
const secretFile = join(dataDir, 'jwt-secret');
if (!existsSync(secretFile))
  writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });

let redis = null;
const redisEnv = {};
if (!ownRedis) {
  redis = await startRedis(join(dataDir, 'redis'));
  redisEnv.REDIS_URL = redis.url;
  log(`Embedded Redis on ${redis.url} (data and AOF in .data/redis)`);
}

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    DEMO: '1',
    LOG_LEVEL: 'warn',
    ...process.env,
    ...redisEnv,
    JWT_SECRET: process.env.JWT_SECRET ?? readFileSync(secretFile, 'utf8'),
  },
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  const finish = () => {
    if (!redis || redis.child.exitCode !== null) process.exit(code);
    redis.child.once('exit', () => process.exit(code));
    redis.child.kill('SIGTERM'); // redis flushes the AOF on SIGTERM
  };
  if (server.exitCode !== null) finish();
  else {
    server.once('exit', finish);
    server.kill('SIGTERM');
  }
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => stop(code ?? 1));
redis?.child.on('exit', () => {
  if (!stopping) {
    process.stderr.write('Embedded Redis stopped unexpectedly; stopping the server.\n');
    stop(1);
  }
});
