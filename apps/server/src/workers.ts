import cluster, { type Worker } from 'node:cluster';
import { printBanner } from './banner';
import type { Env } from './env';
import type { Logger } from './logger';
import { listeningMessageSchema } from './worker';

const DRAIN_LIMIT_MS = 15_000;
const CRASH_WINDOW_MS = 30_000;
const MAX_CRASHES_IN_WINDOW = 5;
const backoffMs = (recentCrashes: number) => Math.min(100 * 2 ** (recentCrashes - 1), 5_000);

/**
 * The node:cluster primary for WORKERS > 1: forks the workers (they share the port), prints
 * the banner once all listen, replaces workers that die, and drains them all on SIGTERM/SIGINT.
 * It holds no Redis connection and serves nothing itself.
 */
export function runPrimary(env: Env, logger: Logger): void {
  const live = new Map<number, Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  const crashes: number[] = [];
  const listening = new Set<number>();
  let bannerUrl: string | undefined;
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    const worker = cluster.fork();
    live.set(worker.id, worker);
    logger.info({ workerId: worker.id, workerPid: worker.process.pid }, 'worker forked');
  };

  const exitWhenDrained = () => {
    if (live.size > 0) return;
    logger.info({ exitCode }, 'all workers exited');
    process.exit(exitCode);
  };

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restarts) clearTimeout(timer);
    logger.info({ reason, workers: live.size }, 'stopping all workers');
    for (const worker of live.values()) worker.process.kill('SIGTERM');
    const force = setTimeout(() => {
      logger.error({ workers: [...live.keys()] }, 'workers still running: killing them');
      for (const worker of live.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, DRAIN_LIMIT_MS);
    force.unref();
    exitWhenDrained();
  };

  cluster.on('message', (worker, message: unknown) => {
    const parsed = listeningMessageSchema.safeParse(message);
    if (!parsed.success) return;
    const { url } = parsed.data;
    listening.add(worker.id);
    // node:cluster keeps a PORT=0 socket only while a worker holds it (pinning the port
    // instead would make a second socket for the same port: EADDRINUSE).
    if (bannerUrl !== undefined && url !== bannerUrl)
      logger.warn({ url }, 'every worker had died: PORT=0 picked a new port');
    if (bannerUrl !== undefined || listening.size < env.WORKERS) return;
    bannerUrl = url;
    printBanner(url, env.DEMO);
  });

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    listening.delete(worker.id);
    const died = { workerId: worker.id, workerPid: worker.process.pid, code, signal };
    if (stopping) {
      if (code !== 0) exitCode = 1;
      exitWhenDrained();
      return;
    }
    if (bannerUrl === undefined) {
      logger.fatal(died, 'a worker exited before it was listening: start-up failed');
      stop('start-up failed', 1);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while (crashes[0] !== undefined && crashes[0] < now - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length >= MAX_CRASHES_IN_WINDOW) {
      logger.fatal(
        { ...died, crashes: crashes.length, windowMs: CRASH_WINDOW_MS },
        'workers are crash-looping: giving up',
      );
      stop('crash loop', 1);
      return;
    }
    const delayMs = backoffMs(crashes.length);
    logger.error({ ...died, delayMs }, 'worker died: starting a new one');
    const timer = setTimeout(() => {
      restarts.delete(timer);
      fork();
    }, delayMs);
    restarts.add(timer);
  });

  process.on('SIGTERM', () => {
    stop('SIGTERM', 0);
  });
  process.on('SIGINT', () => {
    stop('SIGINT', 0);
  });

  logger.info({ workers: env.WORKERS, primaryPid: process.pid }, 'starting workers');
  for (let i = 0; i < env.WORKERS; i++) fork();
}
