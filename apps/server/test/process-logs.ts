import { expect, vi } from 'vitest';
import { z } from 'zod';
import type { ServerProcess } from './server-process';

// Which process answered is read from the pino lines (each carries `pid`), never from a
// response: production responses must not name the process.
const logLineSchema = z.object({
  pid: z.number(),
  msg: z.string(),
  workerId: z.number().optional(),
  req: z.object({ url: z.string() }).optional(),
});
type LogLine = z.infer<typeof logLineSchema>;

export function logLines(server: ServerProcess): LogLine[] {
  return server
    .output()
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return []; // the last line may still be arriving
      }
      const parsed = logLineSchema.safeParse(json);
      return parsed.success ? [parsed.data] : [];
    });
}

export const listeningPids = (server: ServerProcess) =>
  logLines(server)
    .filter((l) => l.msg === 'worker listening')
    .map((l) => l.pid);

/** The pids that logged a request whose URL starts with `urlPrefix`. */
export const pidsServing = (server: ServerProcess, urlPrefix: string) =>
  new Set(
    logLines(server)
      .filter((l) => l.msg === 'incoming request' && l.req?.url.startsWith(urlPrefix))
      .map((l) => l.pid),
  );

/** Pids of the workers that said they listen, once there are at least `n`. */
export async function waitForWorkers(server: ServerProcess, n: number): Promise<number[]> {
  await vi.waitFor(
    () => {
      expect(listeningPids(server).length).toBeGreaterThanOrEqual(n);
    },
    { timeout: 15_000, interval: 20 },
  );
  return listeningPids(server);
}

export const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
