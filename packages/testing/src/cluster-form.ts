import { CLUSTER_SLOTS, fetchClusterView, topologyOf, type ClusterTopology } from './cluster-nodes';
import { pollUntil } from './poll';
import { sendCommand, sendForText } from './resp';

/** The first `masters` ports are masters; replica k follows master k % masters. */
export function plannedTopology(ports: number[], masters: number): ClusterTopology {
  const masterPorts = ports.slice(0, masters);
  const replicas = ports.slice(masters).flatMap((port, k) => {
    const masterPort = masterPorts[k % masters];
    return masterPort === undefined ? [] : [{ port, masterPort }];
  });
  return {
    masters: [...masterPorts].sort((a, b) => a - b),
    replicas: replicas.sort((a, b) => a.port - b.port),
  };
}

/**
 * Makes fresh cluster-enabled nodes one cluster, as `redis-cli --cluster create` does but
 * without its one-second sleeps; returns once every replica has synced and every node agrees.
 */
export async function formCluster(ports: number[], masters: number, timeoutMs: number) {
  const [first] = ports;
  if (first === undefined) throw new Error('a cluster needs nodes');
  const planned = plannedTopology(ports, masters);
  // Distinct epochs from the start spare the nodes resolving epoch collisions one by one.
  await Promise.all(ports.map((p, i) => sendCommand(p, ['CLUSTER', 'SET-CONFIG-EPOCH', i + 1])));
  await Promise.all(
    ports.slice(0, masters).map((p, i) => {
      const lo = Math.floor((i * CLUSTER_SLOTS) / masters);
      const hi = Math.floor(((i + 1) * CLUSTER_SLOTS) / masters) - 1;
      return sendCommand(p, ['CLUSTER', 'ADDSLOTSRANGE', lo, hi]);
    }),
  );
  await Promise.all(
    ports.slice(1).map((p) => sendCommand(p, ['CLUSTER', 'MEET', '127.0.0.1', first])),
  );
  await pollUntil('every node knows every other', timeoutMs, async () => {
    for (const port of ports) {
      const known = (await fetchClusterView(port)).filter(
        (n) => !n.flags.includes('handshake') && !n.flags.includes('noaddr'),
      );
      if (known.length < ports.length)
        return `node ${port} knows ${known.length} of ${ports.length}`;
    }
    return true;
  });
  await Promise.all(
    planned.replicas.map(async ({ port, masterPort }) => {
      const masterId = await sendForText(masterPort, ['CLUSTER', 'MYID']);
      await sendCommand(port, ['CLUSTER', 'REPLICATE', masterId]);
    }),
  );
  await pollUntil('replicas synced and known to every node', timeoutMs, async () => {
    for (const { port } of planned.replicas) {
      const info = await sendForText(port, ['INFO', 'replication']);
      const link = /master_link_status:\w+/.exec(info)?.[0] ?? 'no master link yet';
      if (link !== 'master_link_status:up') return `replica ${port}: ${link}`;
    }
    for (const port of ports) {
      const seen = JSON.stringify(topologyOf(await fetchClusterView(port)));
      if (seen !== JSON.stringify(planned)) return `node ${port} sees ${seen}`;
    }
    return true;
  });
}
