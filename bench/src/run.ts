import os from 'node:os';
import { log } from './log';
import type { Context } from './phases/context';
import { ForeignLoad, sleep } from './proc';
import { ownPids, runRep } from './repetition';
import { emptyRep, type RepResult, type RunResult } from './results';
import type { SystemSpec } from './systems';

/** Every repetition of every system, pushed into `run` as it completes. */
export async function runAll(ctx: Context, systems: SystemSpec[], run: RunResult): Promise<void> {
  for (let rep = 1; rep <= ctx.settings.reps; rep += 1) {
    // Rotate the order so that no system always runs first (or last) in a repetition.
    const order = systems.map((_, i) => systems[(i + rep - 1) % systems.length] as SystemSpec);
    for (const spec of order) {
      try {
        run.reps.push(await runUndisturbed(ctx, spec, rep, run));
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        log(`! ${spec.name} rep ${rep} failed: ${msg}`);
        run.reps.push({ ...emptyRep(spec.name, rep), errors: [msg] });
      }
    }
  }
}

/** A repetition disturbed by foreign load is run again, within a budget for the run. */
async function runUndisturbed(
  ctx: Context,
  spec: SystemSpec,
  rep: number,
  run: RunResult,
): Promise<RepResult> {
  for (;;) {
    await waitQuiet(ctx);
    const r = await runRep(ctx, spec, rep);
    const worst = Math.max(0, ...Object.values(r.foreign));
    if (worst <= ctx.settings.maxForeignPct || run.discarded.length >= ctx.settings.maxReruns) {
      return r;
    }
    run.discarded.push({ system: spec.name, rep, foreign: r.foreign });
    log(
      `  ${spec.name} rep ${rep}: other processes took ${worst.toFixed(0)}% of a core ` +
        'during a phase: repeating it',
    );
  }
}

/**
 * On a shared machine, other people's test runs (browsers, test servers) take CPU from the
 * systems under test. Before a repetition, wait (bounded) until the foreign load is low.
 */
async function waitQuiet(ctx: Context): Promise<void> {
  const limitMs = ctx.settings.mode === 'quick' ? 20_000 : 60_000;
  const t0 = Date.now();
  for (;;) {
    const probe = new ForeignLoad(() => ownPids(ctx));
    await sleep(2000);
    const pct = probe.sample();
    if (pct < ctx.settings.maxForeignPct / 2) return;
    if (Date.now() - t0 > limitMs) {
      log(`  machine still busy (foreign CPU ${pct.toFixed(0)}% of a core): going on anyway`);
      return;
    }
    log(`  machine busy (foreign CPU ${pct.toFixed(0)}% of a core): waiting`);
  }
}

export function machine(redisVersion: string): RunResult['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    redis: redisVersion,
  };
}
