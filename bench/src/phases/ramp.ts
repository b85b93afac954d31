import { log } from '../log';
import { runsPhase } from '../systems';
import type { Rep } from './context';
import { measureIdle } from './idle';
import { measureLatency } from './latency';
import { measureRss } from './memory';
import { openStreams } from './streams';

/**
 * Opens streams level by level (every latency, RSS and idle level, ascending) and measures
 * at each level what it is a level for. Stops at the first level that does not open.
 */
export async function ramp(r: Rep): Promise<void> {
  const s = r.ctx.settings;
  const levels = [...new Set([...s.latencyLevels, ...s.rssLevels, s.idleStreams])]
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  let open = 0;
  for (const level of levels) {
    await r.phase(`open ${level}`, async () => {
      const o = await openStreams(r.ctx, r.server, open, level);
      open = level;
      r.result.open.push({ level, added: o.opened, ms: o.ms });
      log(`  ${r.spec.name}: ${level} streams open (+${o.opened} in ${o.ms.toFixed(0)} ms)`);
    });
    if (open !== level) break;
    if (s.rssLevels.includes(level)) {
      await r.phase(`rss@${level}`, () => measureRss(r, level));
    }
    if (level === s.idleStreams && runsPhase(r.spec, 'idle')) {
      await r.phase('idle', () => measureIdle(r, level));
    }
    if (s.latencyLevels.includes(level)) {
      await r.phase(`latency@${level}`, () => measureLatency(r, level));
    }
  }
}
