/**
 * Preloaded (`node --expose-gc --import probe.mjs`) into every server under test, the
 * product's included, without touching its code. On the orchestrator's IPC requests it
 * - `mem`: runs a full GC and reports process.memoryUsage();
 * - `loop`: reports the event-loop delay (max, p99, mean; ms) since the last `loop`;
 * - `snapshot`: writes a V8 heap snapshot to the given path (after a full GC).
 * When the orchestrator goes away, the server is asked to stop (SIGTERM, its own graceful
 * path) and exits anyway after 12 s. In WORKERS > 1 it runs in the primary only.
 */
import cluster from 'node:cluster';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';

declare const gc: (() => void) | undefined;

interface Request {
  type?: string;
  id?: number;
  path?: string;
}

// node:cluster workers inherit the --import; their channel leads to the primary, not here.
if (process.send && cluster.isPrimary) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const fullGc = () => {
    if (typeof gc === 'function') {
      gc();
      gc();
    }
  };
  process.on('message', (msg: Request) => {
    if (msg.type === 'mem') {
      fullGc();
      process.send?.({ type: 'mem', id: msg.id, ...process.memoryUsage() });
    } else if (msg.type === 'loop') {
      const ms = (ns: number) => ns / 1e6;
      process.send?.({
        type: 'loop',
        id: msg.id,
        max: ms(loop.max),
        p99: ms(loop.percentile(99)),
        mean: ms(loop.mean),
      });
      loop.reset();
    } else if (msg.type === 'snapshot' && msg.path) {
      fullGc();
      const path = writeHeapSnapshot(msg.path);
      process.send?.({ type: 'snapshot', id: msg.id, path });
    }
  });
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 12_000).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  process.channel?.unref();
}
