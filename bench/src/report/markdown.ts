import type { SystemName } from '../protocol';
import type { RunResult } from '../results';
import { fmt, LABEL, ratio } from './format';
import { redisMastersTable, systemNotes } from './redis-masters';
import { tableRows } from './rows';
import { summarizeRun, type Summary } from './summary';
import { targetRows, type TargetRow } from './targets';

/** The report as Markdown: a heading, the machine, the results table, targets, errors. */
export function markdown(run: RunResult): string {
  const s = run.settings;
  const sums = summarizeRun(run);
  const out = [
    `## Results ${run.date.slice(0, 10)} (${run.mode}, ${s.reps} repetition${s.reps > 1 ? 's' : ''}, medians)`,
    '',
    machineLine(run),
    '',
    ...resultsTable(run, sums),
    '',
  ];
  const notes = systemNotes(run);
  if (notes.length) out.push(...notes, '');
  const masters = redisMastersTable(run);
  if (masters.length) out.push(...masters, '');
  if (run.systems.includes('product')) out.push(...targetsTable(targetRows(s, sums)), '');
  const errors = run.systems.flatMap((sys) => sums[sys].errors.map((e) => `- ${sys}, ${e}`));
  if (errors.length) out.push('Errors during the run:', '', ...errors, '');
  return out.join('\n');
}

function machineLine(run: RunResult): string {
  const m = run.machine;
  return (
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Redis ${m.redis}. ` +
    `Load generator on the same machine. Wall time ${fmt(run.wallSeconds / 60, 1)} min. ` +
    (run.reps.some((r) => Object.keys(r.foreign).length > 0)
      ? `Worst CPU taken by processes outside the bench during a kept phase: ` +
        `${fmt(Math.max(0, ...run.reps.flatMap((r) => Object.values(r.foreign))), 0)}% of one core`
      : 'CPU taken by processes outside the bench: not measured by this run') +
    (run.discarded.length
      ? `; ${run.discarded.length} repetition(s) disturbed by other processes were run again.`
      : '.')
  );
}

/** Ratio columns: [numerator, denominator, heading], shown when both systems ran. */
const RATIOS: [SystemName, SystemName, string][] = [
  ['product', 'seed', 'this / seed'],
  ['product', 'raw', 'this / raw'],
  ['product-workers', 'product', '2 workers / 1'],
  ['product-cluster', 'product', 'cluster / this'],
  ['product-cluster-wait', 'product-cluster', 'WAIT 1 / cluster'],
];

/** One column per system, then the ratios of the pairs that ran. */
function resultsTable(run: RunResult, sums: Record<SystemName, Summary>): string[] {
  const has = (sys: SystemName) => run.systems.includes(sys);
  const compared = RATIOS.filter(([a, b]) => has(a) && has(b));
  const head = [
    'figure',
    ...run.systems.map((sys) => LABEL[sys]),
    ...compared.map(([, , heading]) => heading),
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of tableRows(run.settings)) {
    const cells = [row.figure];
    for (const sys of run.systems) {
      const v = row.value(sums[sys]);
      cells.push(row.show ? row.show(v, sums[sys]) : fmt(v));
    }
    for (const [a, b] of compared) {
      cells.push(row.ratio === false ? '' : ratio(row.value(sums[a]), row.value(sums[b])));
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function targetsTable(rows: TargetRow[]): string[] {
  const met = (ok: boolean | null) => (ok === null ? '—' : ok ? 'yes' : '**no**');
  return [
    '| target (this product) | measured | met |',
    '| --- | ---: | :---: |',
    ...rows.map((r) => `| ${r.target} | ${r.measured} | ${met(r.met)} |`),
  ];
}
