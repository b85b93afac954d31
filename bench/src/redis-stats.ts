import type { Redis } from 'ioredis';

/**
 * What the bench reads from Redis: `INFO commandstats` and `INFO cpu` of every master, on
 * one plain connection per master that carries nothing but those INFO calls.
 */
export interface Master {
  /** host:port */
  name: string;
  info: Redis;
  /** the bench's notable keys whose slot this master serves (on a cluster), e.g. `{domain}` */
  holds: string[];
}

interface CommandStat {
  calls: number;
  /** time Redis spent inside the command, µs */
  usec: number;
}

/** Every master's counters at one moment. */
export type RedisSnapshot = {
  name: string;
  holds: string[];
  commands: Map<string, CommandStat>;
  cpuMs: number;
  net: Net;
}[];

/**
 * Bytes Redis read and wrote (INFO stats); `outBytes` includes `replOutBytes`, what it
 * wrote to its replicas.
 */
interface Net {
  inBytes: number;
  outBytes: number;
  replOutBytes: number;
}

/**
 * What Redis did between two snapshots, without the bench's own INFO calls and without the
 * replicas' REPLCONF acknowledgements (replication traffic no server under test sends).
 */
export interface RedisCost {
  commands: number;
  perCommand: Record<string, number>;
  /** µs inside each command (commandstats `usec`) */
  perCommandUsec: Record<string, number>;
  /** Redis's own CPU (user + sys), ms */
  cpuMs: number;
  /** network bytes (the bench's own INFO replies included, a few KB) */
  net: Net;
  /** the same per master (one entry on a single Redis) */
  perMaster: (Omit<RedisCost, 'perMaster'> & { name: string; holds: string[] })[];
}

export async function snapshot(masters: readonly Master[]): Promise<RedisSnapshot> {
  return Promise.all(
    masters.map(async (m) => ({
      name: m.name,
      holds: m.holds,
      commands: await commandStats(m.info),
      cpuMs: await redisCpuMs(m.info),
      net: await netBytes(m.info),
    })),
  );
}

export function costBetween(before: RedisSnapshot, after: RedisSnapshot): RedisCost {
  const perMaster = after.map((a) => {
    const b = before.find((x) => x.name === a.name);
    return { name: a.name, holds: a.holds, ...masterCost(b, a) };
  });
  const sum = (pick: (m: (typeof perMaster)[number]) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const m of perMaster)
      for (const [k, v] of Object.entries(pick(m))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    commands: perMaster.reduce((a, m) => a + m.commands, 0),
    perCommand: sum((m) => m.perCommand),
    perCommandUsec: sum((m) => m.perCommandUsec),
    cpuMs: perMaster.reduce((a, m) => a + m.cpuMs, 0),
    net: {
      inBytes: perMaster.reduce((a, m) => a + m.net.inBytes, 0),
      outBytes: perMaster.reduce((a, m) => a + m.net.outBytes, 0),
      replOutBytes: perMaster.reduce((a, m) => a + m.net.replOutBytes, 0),
    },
    perMaster,
  };
}

const NOT_COUNTED = new Set(['info', 'replconf']);

function masterCost(
  before: RedisSnapshot[number] | undefined,
  after: RedisSnapshot[number],
): Omit<RedisCost, 'perMaster'> {
  const perCommand: Record<string, number> = {};
  const perCommandUsec: Record<string, number> = {};
  let commands = 0;
  for (const [name, stat] of after.commands) {
    if (NOT_COUNTED.has(name)) continue;
    const was = before?.commands.get(name);
    const calls = stat.calls - (was?.calls ?? 0);
    if (calls <= 0) continue;
    perCommand[name] = calls;
    perCommandUsec[name] = stat.usec - (was?.usec ?? 0);
    commands += calls;
  }
  const net = (pick: (n: Net) => number) => pick(after.net) - (before ? pick(before.net) : 0);
  return {
    commands,
    perCommand,
    perCommandUsec,
    cpuMs: after.cpuMs - (before?.cpuMs ?? 0),
    net: {
      inBytes: net((n) => n.inBytes),
      outBytes: net((n) => n.outBytes),
      replOutBytes: net((n) => n.replOutBytes),
    },
  };
}

/** Calls and µs per command since start (INFO commandstats). */
async function commandStats(redis: Redis): Promise<Map<string, CommandStat>> {
  const info = await redis.info('commandstats');
  const stats = new Map<string, CommandStat>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    stats.set(m[1] ?? '', { calls: Number(m[2]), usec: Number(m[3]) });
  }
  return stats;
}

/** Redis's own CPU time (user + sys), ms. */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const user = Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  const sys = Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
  return (user + sys) * 1000;
}

async function netBytes(redis: Redis): Promise<Net> {
  const info = await redis.info('stats');
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
  return {
    inBytes: field('total_net_input_bytes'),
    outBytes: field('total_net_output_bytes'),
    replOutBytes: field('total_net_repl_output_bytes'),
  };
}
