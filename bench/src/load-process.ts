import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnNode, within } from './proc';
import type { LoadReply, LoadRequest } from './protocol';
import type { Paths } from './systems';

/** The orchestrator's side of the load process (src/load): one request, one reply. */
export class LoadProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: LoadReply) => void>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (reply: LoadReply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async start(paths: Paths, nofile: number): Promise<LoadProcess> {
    const child = spawnNode({
      name: 'load',
      args: ['--max-old-space-size=4096', join(paths.dist, 'load.mjs')],
      env: {},
      logFile: join(paths.tmp, 'load.log'),
      ipc: true,
      nofile,
    });
    await within(
      20_000,
      'load process start',
      new Promise<void>((resolve) => {
        child.once('message', () => {
          resolve();
        });
      }),
    );
    return new LoadProcess(child);
  }

  async call<T>(req: LoadRequest, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const reply = await within(
      timeoutMs,
      `load ${req.op}`,
      new Promise<LoadReply>((resolve) => {
        this.pending.set(id, resolve);
        this.child.send({ id, req });
      }),
    );
    if (!reply.ok) throw new Error(`load ${req.op}: ${reply.error}`);
    return reply.result as T;
  }
}
