import type { Worker } from 'node:cluster';
import { z } from 'zod';
import type { Env } from './env';
import type { Logger } from './logger';
import { startServer } from './serve';

/** What a worker tells the primary once it is serving. */
export const listeningMessageSchema = z.object({ type: z.literal('listening'), url: z.string() });
export type ListeningMessage = z.infer<typeof listeningMessageSchema>;

/** Worker ids count up from 1 and replacements get new ones, so only the first start seeds. */
const SEEDING_WORKER_ID = 1;

/** Today's server inside a node:cluster worker: it reports to the primary instead of printing. */
export function serveAsWorker(env: Env, logger: Logger, worker: Worker): Promise<void> {
  return startServer(env, logger, {
    seedDemoUsers: env.DEMO && worker.id === SEEDING_WORKER_ID,
    onListening(url) {
      logger.info({ workerId: worker.id }, 'worker listening');
      const message: ListeningMessage = { type: 'listening', url };
      process.send?.(message);
    },
  });
}
