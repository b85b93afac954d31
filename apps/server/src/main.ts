import cluster from 'node:cluster';
import { printBanner } from './banner';
import { loadEnv } from './env';
import { createLogger } from './logger';
import { startServer } from './serve';
import { serveAsWorker } from './worker';
import { runPrimary } from './workers';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

async function main() {
  if (cluster.worker) {
    await serveAsWorker(env, logger, cluster.worker);
  } else if (env.WORKERS > 1) {
    runPrimary(env, logger);
  } else {
    await startServer(env, logger, {
      seedDemoUsers: env.DEMO,
      onListening: (url) => {
        printBanner(url, env.DEMO);
      },
    });
  }
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'start-up failed');
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
