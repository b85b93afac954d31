// `pnpm redis:cluster`: a local Redis Cluster, 3 masters + 3 replicas on 127.0.0.1:7001-7006
// (CLUSTER_BASE_PORT moves them), data and AOF in .data/cluster/<port>. A later run brings the
// same cluster back from its nodes.conf files. Stays in the foreground; Ctrl-C stops it.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { ensureDebian, fail, log, root } from './lib/setup.mjs';

const MASTERS = 3;
const SLOTS = 16384;
const base = Number(process.env.CLUSTER_BASE_PORT ?? 7001);
const ports = Array.from({ length: 2 * MASTERS }, (_, i) => base + i);
const last = ports[ports.length - 1];
if (!Number.isInteger(base) || base < 1 || last + 10000 > 65535)
  fail(
    `CLUSTER_BASE_PORT=${base}: each port and its cluster bus port (port + 10000) must be < 65536`,
  );
const dataDir = join(root, '.data', 'cluster');
const dirOf = (port) => join(dataDir, String(port));
const confOf = (port) => join(dirOf(port), `nodes-${port}.conf`);

ensureDebian('redis-server', 'redis-server', 'the local Redis Cluster');
ensureDebian('redis-cli', 'redis-tools', 'forming the local Redis Cluster');

const execFileAsync = promisify(execFile);
async function cli(port, ...args) {
  const { stdout } = await execFileAsync('redis-cli', ['-p', String(port), ...args], {
    timeout: 5000,
  });
  const out = stdout.trim();
  // redis-cli exits 0 on an error reply; none of the replies asked for here starts with
  // a capitalised word and a space the way errors (ERR, CLUSTERDOWN, …) do.
  if (/^[A-Z]+ /.test(out)) throw new Error(`node ${port} ${args.join(' ')}: ${out}`);
  return out;
}

async function until(what, check, timeoutMs = 30_000, hint = '') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await check().catch((err) => err.message);
    if (state === true) return;
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached in ${timeoutMs / 1000} s; last state: ${state}${hint}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const srv = createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const nodes = new Map();
let stopping = false;
const isRunning = (child) => child.exitCode === null && child.signalCode === null;

function startNode(port) {
  mkdirSync(dirOf(port), { recursive: true });
  // cluster-node-timeout 2 s as in Redis's own utils/create-cluster: a kill -9 fails over in
  // seconds, and gossip (pings every timeout / 2) forms the cluster quickly.
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dirOf(port)],
      ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
      ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
      ...['--cluster-node-timeout', '2000', '--cluster-replica-validity-factor', '0'],
      ...['--cluster-allow-replica-migration', 'no', '--repl-diskless-sync-delay', '0'],
      ...['--loglevel', 'notice', '--logfile', ''],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  nodes.set(port, child);
  let out = '';
  const keep = (chunk) => (out = (out + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (!out.includes('Ready to accept connections')) return;
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      child.on('exit', (code, signal) => {
        if (stopping) return;
        log(`Node ${port} exited (${signal ?? code}); a master's replica takes over in about 5 s.`);
        if ([...nodes.values()].every((c) => !isRunning(c))) fail('Every node has exited.');
      });
      resolve();
    };
    const onExit = (code, signal) =>
      reject(new Error(`node ${port} exited (${signal ?? code}) while starting:\n${out}`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

/** The steps of `redis-cli --cluster create`, without its one-second sleeps. */
async function createCluster() {
  const masters = ports.slice(0, MASTERS);
  await Promise.all(ports.map((p, i) => cli(p, 'CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1))));
  await Promise.all(
    masters.map((p, i) => {
      const lo = Math.floor((i * SLOTS) / MASTERS);
      const hi = Math.floor(((i + 1) * SLOTS) / MASTERS) - 1;
      return cli(p, 'CLUSTER', 'ADDSLOTSRANGE', String(lo), String(hi));
    }),
  );
  await Promise.all(
    ports.slice(1).map((p) => cli(p, 'CLUSTER', 'MEET', '127.0.0.1', String(base))),
  );
  await until('every node knows every other', async () => {
    for (const port of ports) {
      const lines = (await cli(port, 'CLUSTER', 'NODES')).split('\n');
      const known = lines.filter((l) => l && !/handshake|noaddr/.test(l)).length;
      if (known < ports.length) return `node ${port} knows ${known} of ${ports.length}`;
    }
    return true;
  });
  await Promise.all(
    ports.slice(MASTERS).map(async (port, i) => {
      const masterId = await cli(masters[i], 'CLUSTER', 'MYID');
      await cli(port, 'CLUSTER', 'REPLICATE', masterId);
    }),
  );
}

/** "3 masters + 3 replicas", counting the nodes not flagged as failed. */
async function rolesSeenBy(port) {
  const lines = (await cli(port, 'CLUSTER', 'NODES')).split('\n');
  const flags = lines.map((line) => (line.split(' ')[2] ?? '').split(','));
  const count = (role) => flags.filter((f) => f.includes(role) && !f.includes('fail')).length;
  return `${count('master')} masters + ${count('slave')} replicas`;
}

async function healthState() {
  const roles = new Set();
  for (const port of ports) {
    const info = await cli(port, 'CLUSTER', 'INFO');
    if (!info.includes('cluster_state:ok'))
      return `node ${port}: ${/cluster_state:\w+/.exec(info)}`;
    const repl = await cli(port, 'INFO', 'replication');
    if (repl.includes('role:slave') && !repl.includes('master_link_status:up'))
      return `replica ${port}: ${/master_link_status:\w+/.exec(repl)}`;
    roles.add(await rolesSeenBy(port));
  }
  return roles.size === 1 || `the nodes disagree on the roles: ${[...roles].join(' vs ')}`;
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping the cluster (SIGTERM: each node flushes its AOF)…');
  const running = [...nodes.values()].filter(isRunning);
  const exits = running.map((child) => new Promise((r) => child.once('exit', r)));
  running.forEach((child) => child.kill('SIGTERM'));
  await Promise.all(exits);
  process.exit(code);
}

const existing = ports.filter((port) => existsSync(confOf(port)));
const shown = relative(root, dataDir);
if (existing.length > 0 && existing.length < ports.length)
  fail(`${shown} has nodes.conf for ${existing.join(', ')} only: remove ${shown} to start over.`);
const reuse = existing.length > 0;
// Before starting any node: one started next to a running cluster would join it.
const busy = [];
for (const port of ports.flatMap((p) => [p, p + 10000])) if (!(await isFree(port))) busy.push(port);
if (busy.length > 0)
  fail(`Port(s) ${busy.join(', ')} in use: is \`pnpm redis:cluster\` running already?`);

let ready = false;
process.on('exit', () => {
  nodes.forEach((child) => child.kill('SIGKILL'));
  // A creation cut short leaves the nodes.conf files of a cluster that never formed, which
  // the next run would take for one to restart.
  if (!reuse && !ready)
    ports.forEach((port) => rmSync(dirOf(port), { recursive: true, force: true, maxRetries: 3 }));
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  log(`${reuse ? 'Restarting' : 'Creating'} the Redis Cluster on 127.0.0.1:${base}-${last}…`);
  await Promise.all(ports.map(startNode));
  if (!reuse) await createCluster();
  const hint = reuse ? `\nRemove ${shown} to start over.` : '';
  await until('cluster_state:ok on every node', healthState, 30_000, hint);
  ready = true;
} catch (err) {
  // Once stopping, a half-started cluster's errors are moot; stop() exits.
  if (!stopping) fail(err.message);
  await new Promise(() => {});
}

const seeds = ports.map((port) => `127.0.0.1:${port}`).join(',');
process.stdout.write(
  `Redis Cluster (${await rolesSeenBy(base)}) on ` +
    `127.0.0.1:${base}-${last}, data in ${shown}\n` +
    `REDIS_CLUSTER_NODES=${seeds}\n` +
    `Run the product on it:  REDIS_CLUSTER_NODES=${seeds} npm start\n` +
    'Ctrl-C stops the cluster.\n',
);
