import { log } from '../log';
import { sleep } from '../proc';
import type { Rep } from './context';
import { quietWindow } from './measure';

/** Redis commands with no stream open: the server's own background traffic. */
export async function measureBaseline(r: Rep): Promise<void> {
  r.result.baseline = await quietWindow(r, r.ctx.settings.baselineSeconds);
}

/** What `streams` open, idle streams cost: Redis commands and CPU while nothing is sent. */
export async function measureIdle(r: Rep, streams: number): Promise<void> {
  await sleep(1000);
  const w = await quietWindow(r, r.ctx.settings.idleSeconds);
  const baseline = r.result.baseline?.commandsPerSec ?? 0;
  r.result.idle = {
    streams,
    ...w,
    perStreamPerSec: Math.max(0, w.commandsPerSec - baseline) / streams,
  };
  log(
    `  ${r.spec.name}: idle ${streams} streams: ${w.commandsPerSec.toFixed(1)} Redis cmd/s, ` +
      `server CPU ${w.serverCpuPct.toFixed(1)}%`,
  );
}
