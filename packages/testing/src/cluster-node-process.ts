import { spawn, type ChildProcess } from 'node:child_process';

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 64 * 1024;

/** Children still running; SIGKILLed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export interface NodeProcess {
  port: number;
  pid: number;
  isRunning(): boolean;
  /** The last 64 KiB the node logged. */
  output(): string;
  /** Sends `signal` and waits for the exit; SIGKILL if SIGTERM takes longer than 10 s. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Spawns redis-server with `args`; resolves once it accepts connections. */
export async function spawnNode(port: number, args: string[]): Promise<NodeProcess> {
  installExitHook();
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  // Always drained: a node blocks on a full pipe once nobody reads its log.
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-MAX_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (!isRunning()) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`node ${port} not ready in ${READY_TIMEOUT_MS} ms:\n${out.slice(-2000)}`));
    }, READY_TIMEOUT_MS);
    const onData = () => {
      if (!out.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve();
    };
    child.stdout.on('data', onData);
    child.once('error', (err) => {
      running.delete(child);
      clearTimeout(timer);
      reject(new Error(`node ${port}: redis-server could not start: ${err.message}`));
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`node ${port}: redis-server exited while starting:\n${out.slice(-2000)}`));
    });
  });
  return { port, pid: child.pid ?? 0, isRunning, output: () => out, stop };
}
