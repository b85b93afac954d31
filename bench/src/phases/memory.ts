import { join } from 'node:path';
import { log } from '../log';
import type { Rep } from './context';
import { memory } from './measure';

/**
 * Server memory with `level` streams open, after a forced GC. With --heap-snapshot, V8 heap
 * snapshots in repetition 1 at 0 and the first RSS level, for src/tools/heap-diff.ts.
 */
export async function measureRss(r: Rep, level: number): Promise<void> {
  const mem = await memory(r.server);
  r.result.rss[String(level)] = mem;
  if (level > 0) {
    log(`  ${r.spec.name}: RSS ${(mem.rss / 2 ** 20).toFixed(1)} MB with ${level} streams`);
  }
  const firstLevel = Math.min(...r.ctx.settings.rssLevels.filter((l) => l > 0));
  if (level === 0 || level === firstLevel) await snapshot(r, level);
}

async function snapshot(r: Rep, level: number): Promise<void> {
  if (!r.ctx.options.heapSnapshot || r.rep !== 1) return;
  const file = join(r.ctx.paths.tmp, `heap-${r.spec.name}-${level}.heapsnapshot`);
  await r.server.heapSnapshot(file);
  log(`  ${r.spec.name}: heap snapshot ${file}`);
}
