// Manual smoke test of startRedisCluster; not part of CI. tsx is not a dependency of this
// package, so borrow the bench's from the repo root:
//   pnpm --filter @acme/bench exec tsx ../packages/testing/scripts/smoke-cluster.ts
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startRedisCluster } from '../src/index';

const run = promisify(execFile);

async function cli(port: number, args: string[], cluster = true) {
  const { stdout } = await run('redis-cli', [
    ...(cluster ? ['-c'] : []),
    '-p',
    String(port),
    ...args,
  ]);
  return stdout.trim();
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  console.log(`${label}: ${Math.round(performance.now() - t0)} ms`);
  return result;
}

const cluster = await timed('start 3+3 cluster', () => startRedisCluster());
try {
  console.log('seeds', cluster.seeds);
  console.log('topology', JSON.stringify(await cluster.topology()));
  const [first] = cluster.nodes;
  assert.ok(first);
  const keys = Array.from({ length: 50 }, (_, i) => `smoke:${i}`);
  for (const key of keys) assert.equal(await cli(first.port, ['set', key, `v-${key}`]), 'OK');
  // One slot with enough keys that the migration takes several GETKEYSINSLOT batches.
  const tagged = Array.from({ length: 250 }, (_, i) => `{smoke}:${i}`);
  const mset = tagged.flatMap((k) => [k, `v-${k}`]);
  assert.equal(await cli(first.port, ['mset', ...mset]), 'OK');

  const key = 'smoke:7';
  const before = await cluster.topology();
  const victim = await cluster.masterFor(key);
  const heir = before.replicas.find((r) => r.masterPort === victim)?.port;
  assert.ok(heir, `a replica of ${victim}`);
  const failoverStart = performance.now();
  await cluster.kill(victim);
  await cluster.waitHealthy();
  console.log(
    `failover (kill -9 of ${victim} to healthy): ${Math.round(performance.now() - failoverStart)} ms`,
  );
  const after = await cluster.topology();
  console.log('topology', JSON.stringify(after));
  assert.ok(!after.masters.includes(victim));
  assert.ok(after.masters.includes(heir));
  assert.equal(await cluster.masterFor(key), heir);
  assert.equal(await cli(heir, ['get', key]), `v-${key}`);

  await timed(`restart ${victim} and wait healthy`, async () => {
    await cluster.restart(victim);
    await cluster.waitHealthy();
  });
  const rejoined = await cluster.topology();
  console.log('topology', JSON.stringify(rejoined));
  assert.deepEqual(
    rejoined.replicas.find((r) => r.port === victim),
    { port: victim, masterPort: heir },
  );

  const target = rejoined.masters.find((m) => m !== heir);
  assert.ok(target);
  await timed(`migrate the slot of ${key} from ${heir} to ${target}`, () =>
    cluster.migrateSlotOf(key, target),
  );
  assert.equal(await cluster.masterFor(key), target);
  assert.equal(await cli(target, ['get', key], false), `v-${key}`);
  assert.match(
    await cli(heir, ['get', key], false),
    new RegExp(`^MOVED \\d+ 127.0.0.1:${target}$`),
  );

  const tagOwner = await cluster.masterFor(tagged[0] ?? '');
  const tagTarget = rejoined.masters.find((m) => m !== tagOwner);
  assert.ok(tagTarget);
  await timed(`migrate the slot of {smoke} (250 keys) from ${tagOwner} to ${tagTarget}`, () =>
    cluster.migrateSlotOf('{smoke}', tagTarget),
  );
  const tagSlot = await cli(tagTarget, ['cluster', 'keyslot', '{smoke}']);
  assert.equal(await cli(tagTarget, ['cluster', 'countkeysinslot', tagSlot]), '250');
  assert.equal(await cli(tagOwner, ['cluster', 'countkeysinslot', tagSlot]), '0');
  for (const k of [...keys, ...tagged]) assert.equal(await cli(victim, ['get', k]), `v-${k}`);
  await cluster.waitHealthy();
} finally {
  const pids = cluster.nodes.map((n) => n.pid);
  await timed('stop', () => cluster.stop());
  assert.deepEqual(pids.filter(isAlive), []);
}
console.log('cluster smoke test passed');
