import type { SystemName } from '../protocol';
import type { RunResult } from '../results';
import { median } from '../stats';
import { SYSTEMS } from '../systems';
import { fmt, LABEL } from './format';

const PRODUCTS: SystemName[] = [
  'product',
  'product-workers',
  'product-cluster',
  'product-cluster-wait',
];
const TOP_COMMANDS = 5;

/**
 * Where the product's Redis work goes during the burst, per master: on the cluster, the
 * master holding `{domain}` (every task's record) carries more than the others, which share
 * the users' keys. Medians over the repetitions, per notification created.
 */
export function redisMastersTable(run: RunResult): string[] {
  const lines: string[] = [];
  for (const system of PRODUCTS.filter((s) => run.systems.includes(s))) {
    const bursts = run.reps
      .filter((r) => r.system === system)
      .flatMap((r) => (r.burst?.redis ? [{ sent: r.burst.sent, redis: r.burst.redis }] : []));
    const names = [...new Set(bursts.flatMap((b) => b.redis.perMaster.map((m) => m.name)))];
    for (const name of names) {
      const per = bursts.flatMap((b) => {
        const m = b.redis.perMaster.find((x) => x.name === name);
        return m ? [{ sent: b.sent, m }] : [];
      });
      const perCreate = (pick: (m: (typeof per)[number]['m']) => number) =>
        median(per.map((p) => pick(p.m) / p.sent));
      const commands = new Set(per.flatMap((p) => Object.keys(p.m.perCommand)));
      const byCommand = [...commands]
        .map((c) => ({
          c,
          calls: perCreate((m) => m.perCommand[c] ?? 0),
          usec: perCreate((m) => m.perCommandUsec[c] ?? 0),
        }))
        .sort((a, b) => b.usec - a.usec)
        .slice(0, TOP_COMMANDS)
        .map((x) => `${x.c} ${fmt(x.calls, 2)} (${fmt(x.usec, 1)} µs)`);
      lines.push(
        `| ${LABEL[system]} | ${name} | ${per[0]?.m.holds.join(' ') ?? ''} | ` +
          `${fmt(
            perCreate((m) => m.commands),
            2,
          )} | ${fmt(
            perCreate((m) => m.cpuMs),
            3,
          )} | ` +
          `${byCommand.join(', ')} |`,
      );
    }
  }
  if (lines.length === 0) return [];
  return [
    "Redis per master during the burst, per notification created (medians). By command: calls and the µs Redis spent inside them, most time first; commands run by a Lua script are counted too, and their µs are also part of the script's `evalsha`.",
    '',
    '| system | master | holds | commands | Redis CPU (ms) | by command: calls (µs inside) |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...lines,
  ];
}

/** What the report's columns for the cluster mean, and the phases a system left out. */
export function systemNotes(run: RunResult): string[] {
  const notes: string[] = [];
  const c = run.cluster;
  if (c) {
    notes.push(
      `- **product (cluster)**: the same server with \`REDIS_CLUSTER_NODES\`, on a local Redis Cluster of ` +
        `${c.masters.length} masters with ${c.replicasPerMaster} replica each (all on this machine). ` +
        `Its Redis commands and CPU are summed over the masters; the replicas' CPU is not counted. ` +
        `Seed and raw floor run on the single Redis.`,
    );
  }
  for (const spec of SYSTEMS.filter((s) => s.phases && run.systems.includes(s.name))) {
    const runs = spec.phases?.runs.join(', ') ?? '';
    notes.push(`- **${LABEL[spec.name]}**: only the ${runs} phases (${spec.phases?.why ?? ''}).`);
  }
  return notes;
}
