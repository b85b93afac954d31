import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The product server as `pnpm build` leaves it. */
export const SERVER_MAIN = fileURLToPath(
  new URL('../../../apps/server/dist/main.js', import.meta.url),
);

/** Output kept for `output()`; a long benchmark run must not grow it without bound. */
const MAX_OUTPUT = 1 << 20;

export interface BuiltServerOptions {
  /** Merged over PATH, PORT=0 and HOST=127.0.0.1; `undefined` removes a variable. */
  env: Record<string, string | undefined>;
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Also copy the server's output to this process's stdout and stderr. */
  echo?: boolean;
}

export interface BuiltServer {
  /** e.g. http://127.0.0.1:41234, as the server printed it. */
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (the last MiB). */
  output(): string;
  /** Resolves once the output so far matches `pattern` (it may already). */
  waitForOutput(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) unless it has exited, and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  [Symbol.asyncDispose](): Promise<void>;
}

function spawnServer({ env, nodeFlags = [], echo = false }: BuiltServerOptions) {
  const child = spawn(process.execPath, [...nodeFlags, SERVER_MAIN], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > MAX_OUTPUT) out = out.slice(-MAX_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (echo) {
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  return { child, exited, output: () => out };
}

/** Runs the built server as a real process; resolves once it says it is running. */
export async function startBuiltServer(opts: BuiltServerOptions): Promise<BuiltServer> {
  const { child, exited, output } = spawnServer(opts);
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /running at (http:\/\/\S+)/.exec(output());
      if (match?.[1]) {
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      reject(new Error(`the server exited (${String(code)}) before it was running:\n${output()}`));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const waitForOutput = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output())) return;
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        resolve();
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      void exited.then(() => {
        reject(new Error(`the server exited before printing ${String(pattern)}`));
      });
      check();
    });
  return {
    url,
    waitForOutput,
    port: Number(new URL(url).port),
    pid: child.pid ?? 0,
    child,
    output,
    exited,
    stop,
    [Symbol.asyncDispose]: async () => {
      await stop();
    },
  };
}

/** Runs the built server expecting it to refuse to start: its exit code and output. */
export async function runServerExpectingExit(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const { exited, output } = spawnServer({ env: { PORT: undefined, HOST: undefined, ...env } });
  const code = await exited;
  return { code, output: output() };
}
