import { randomBytes } from 'node:crypto';
import { log } from '../log';
import { sleep } from '../proc';
import type { BroadcastResult } from '../protocol';
import type { Rep } from './context';
import { withCpu } from './measure';
import { keys } from './streams';

/** One group of `broadcastMembers` open streams, created in one call (after the burst). */
export async function measureBroadcast(r: Rep): Promise<void> {
  const { ctx, server } = r;
  const s = ctx.settings;
  await sleep(1000);
  const {
    value: b,
    cpu,
    redis,
  } = await withCpu(r, () =>
    ctx.load.call<BroadcastResult>(
      {
        op: 'broadcast',
        target: server.target,
        keys: keys(s.broadcastMembers),
        groupName: `bench ${r.spec.name} ${r.rep} ${randomBytes(3).toString('hex')}`,
        timeoutMs: s.deliveryTimeoutMs,
      },
      s.deliveryTimeoutMs + 30_000,
    ),
  );
  r.result.broadcast = { ...b, cpu, redis };
  log(
    `  ${r.spec.name}: broadcast ${b.received}/${b.members} in ${b.lastMs.toFixed(1)} ms ` +
      `(response ${b.responseMs.toFixed(1)} ms, first ${b.firstMs.toFixed(1)} ms)` +
      (b.error ? ` error: ${b.error}` : ''),
  );
}
