import { sendCommand, sendForText } from './resp';

export const CLUSTER_SLOTS = 16384;

/** One line of CLUSTER NODES: how one node sees another (or itself). */
export interface ClusterNodeView {
  id: string;
  port: number;
  flags: string[];
  masterId: string | undefined;
  /** Inclusive ranges; the importing/migrating markers (`[slot->-id]`) are left out. */
  slots: [number, number][];
}

export interface ClusterTopology {
  masters: number[];
  replicas: { port: number; masterPort: number }[];
}

function parseSlots(fields: string[]) {
  return fields
    .filter((f) => !f.startsWith('['))
    .map((f): [number, number] => {
      const [lo = 0, hi = lo] = f.split('-').map(Number);
      return [lo, hi];
    });
}

export function parseClusterNodes(text: string): ClusterNodeView[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <link> <slot>...
      const [id = '', addr = '', flags = '', master = '-', ...rest] = line.trim().split(' ');
      return {
        id,
        port: Number(/:(\d+)@/.exec(addr)?.[1] ?? 0),
        flags: flags.split(','),
        masterId: master === '-' ? undefined : master,
        slots: parseSlots(rest.slice(4)),
      };
    });
}

/** CLUSTER NODES of the node on `port`. */
export async function fetchClusterView(port: number): Promise<ClusterNodeView[]> {
  return parseClusterNodes(await sendForText(port, ['CLUSTER', 'NODES']));
}

/** Nodes that are part of the cluster as far as this view goes: not failed, not being met. */
function isMember(node: ClusterNodeView) {
  return !['fail', 'handshake', 'noaddr'].some((f) => node.flags.includes(f));
}

export function topologyOf(view: ClusterNodeView[]): ClusterTopology {
  const members = view.filter(isMember);
  const masters = members.filter((n) => n.flags.includes('master'));
  const replicas = members.flatMap((n) => {
    const master = view.find((m) => m.id === n.masterId);
    return n.flags.includes('slave') && master ? [{ port: n.port, masterPort: master.port }] : [];
  });
  return {
    masters: masters.map((n) => n.port).sort((a, b) => a - b),
    replicas: replicas.sort((a, b) => a.port - b.port),
  };
}

export function ownerOfSlot(view: ClusterNodeView[], slot: number): ClusterNodeView {
  const owner = view.find((n) => n.slots.some(([lo, hi]) => lo <= slot && slot <= hi));
  if (!owner) throw new Error(`no node serves slot ${slot}`);
  return owner;
}

export async function fetchKeySlot(port: number, key: string): Promise<number> {
  const slot = await sendCommand(port, ['CLUSTER', 'KEYSLOT', key]);
  if (typeof slot !== 'number') throw new Error(`127.0.0.1:${port} CLUSTER KEYSLOT: not a number`);
  return slot;
}
