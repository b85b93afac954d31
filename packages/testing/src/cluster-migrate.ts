import { fetchClusterView, ownerOfSlot } from './cluster-nodes';
import { pollUntil } from './poll';
import { sendCommand, sendForList, sendForText } from './resp';

const KEYS_PER_BATCH = 100;
const MIGRATE_TIMEOUT_MS = 5000;

export interface SlotMove {
  slot: number;
  from: number;
  to: number;
  /** Every master's port: each must learn the new owner. */
  masters: number[];
  /** Live nodes that must all see the new owner before the move counts as done. */
  viewers: number[];
  timeoutMs: number;
}

/**
 * Moves a slot live, as `redis-cli --cluster reshard` does: the target IMPORTING and the source
 * MIGRATING (so clients get ASK redirects meanwhile), MIGRATE of the keys in batches, then
 * SETSLOT NODE on the target first, the source next (the other order could bounce clients
 * between the two with MOVED), then the other masters.
 */
export async function migrateSlot({ slot, from, to, masters, viewers, timeoutMs }: SlotMove) {
  const [fromId, toId] = await Promise.all(
    [from, to].map((port) => sendForText(port, ['CLUSTER', 'MYID'])),
  );
  if (fromId === undefined || toId === undefined) throw new Error('no node ids');
  await sendCommand(to, ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', fromId]);
  await sendCommand(from, ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', toId]);
  for (;;) {
    const keys = await sendForList(from, ['CLUSTER', 'GETKEYSINSLOT', slot, KEYS_PER_BATCH]);
    if (keys.length === 0) break;
    const migrate = ['MIGRATE', '127.0.0.1', to, '', 0, MIGRATE_TIMEOUT_MS, 'KEYS', ...keys];
    await sendCommand(from, migrate, 2 * MIGRATE_TIMEOUT_MS);
  }
  const others = masters.filter((port) => port !== from && port !== to);
  for (const port of [to, from, ...others])
    await sendCommand(port, ['CLUSTER', 'SETSLOT', slot, 'NODE', toId]);
  await pollUntil(`slot ${slot} served by ${to} in every view`, timeoutMs, async () => {
    for (const port of viewers) {
      const owner = ownerOfSlot(await fetchClusterView(port), slot);
      if (owner.port !== to) return `node ${port} sees slot ${slot} on ${owner.port}`;
    }
    return true;
  });
}
