import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
export const E2E_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-0000';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built server as a real process; resolves once it listens. */
export async function startServer(opts: {
  redisUrl: string;
  port: number;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      REDIS_URL: opts.redisUrl,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      JWT_SECRET: E2E_JWT_SECRET,
      DEMO: '1',
      LOG_LEVEL: 'warn',
      LOGIN_ATTEMPTS_PER_WINDOW: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
  const exited = new Promise<void>((r) =>
    child.once('exit', () => {
      r();
    }),
  );
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
