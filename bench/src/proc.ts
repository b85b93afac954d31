import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** Every child this bench started, so that any exit path can stop them all. */
const children = new Set<ChildProcess>();

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** The hard limit on open files, capped at 65536: 10,000 streams need ~10,100 per process. */
export function fileLimit(): number {
  const hard = execFileSync('bash', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim();
  return hard === 'unlimited' ? 65_536 : Math.min(65_536, Number(hard));
}

export const CLOCK_TICKS = Number(
  execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || '100',
);

export interface SpawnOptions {
  name: string;
  /** argv after `node` */
  args: string[];
  /** on top of this process's environment; `undefined` removes a variable */
  env: Record<string, string | undefined>;
  logFile: string;
  cwd?: string;
  ipc?: boolean;
  /** raise the soft open-files limit (through bash: `ulimit -n N; exec node …`) */
  nofile?: number;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export function spawnNode(opts: SpawnOptions): ChildProcess {
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const node = [process.execPath, ...opts.args].map(quote).join(' ');
  const script = opts.nofile ? `ulimit -n ${opts.nofile} && exec ${node}` : `exec ${node}`;
  const child = spawn('bash', ['-c', script], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(opts.ipc ? (['ipc'] as const) : [])],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  track(child);
  return child;
}

export function spawnBinary(
  command: string,
  args: string[],
  logFile: string,
  cwd?: string,
): ChildProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  track(child);
  return child;
}

function track(child: ChildProcess) {
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
  });
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stop(child: ChildProcess, graceMs = 12_000): Promise<void> {
  if (exited(child)) return;
  const done = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, graceMs);
  await done;
  clearTimeout(timer);
}

/** Synchronous last resort (exit handlers cannot wait). */
export function killAll(): void {
  for (const child of children) {
    if (!exited(child)) child.kill('SIGKILL');
  }
}

export function waitExit(child: ChildProcess): Promise<number | null> {
  if (exited(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
}

/** VmRSS of a process, in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** A process and its descendants (a node:cluster primary and its workers). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** utime + stime of processes still alive, in ms. */
export function cpuMsOf(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += cpuMs(pid);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** utime + stime of a process, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rejects with a clear message if `work` takes longer than `ms`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Busy CPU time of the whole machine since boot (all cores), ms, from /proc/stat. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal ...
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0);
  return (busy * 1000) / CLOCK_TICKS;
}

/**
 * CPU used on this machine by processes that are not the bench's (other people's tests on a
 * shared machine): machine busy time minus the CPU time of `pids`, as % of one core.
 */
export class ForeignLoad {
  private machine = machineBusyMs();
  private own: number;
  private at = performance.now();

  constructor(private readonly pids: () => number[]) {
    this.own = this.ownMs();
  }

  private ownMs(): number {
    return cpuMsOf(this.pids());
  }

  /** % of one core used by foreign processes since the last call (or construction). */
  sample(): number {
    const machine = machineBusyMs();
    const own = this.ownMs();
    const at = performance.now();
    const pct = ((machine - this.machine - (own - this.own)) / (at - this.at)) * 100;
    this.machine = machine;
    this.own = own;
    this.at = at;
    return Math.max(0, pct);
  }
}
