import type { LoadProcess } from '../load-process';
import type { Options } from '../options';
import type { BenchRedis, SingleRedis } from '../redis';
import type { RepResult } from '../results';
import type { Settings } from '../settings';
import type { Paths, RunningServer, SystemSpec } from '../systems';
import type { BenchUser } from '../users';

/** What every repetition shares: the run's Redis, users and load process. */
export interface Context {
  options: Options;
  settings: Settings;
  paths: Paths;
  /** the bench's redis-server: the seed, the raw floor and the product on one Redis */
  redis: SingleRedis;
  /** the local cluster (`--redis=cluster|both`) the product (cluster) rows run on */
  cluster: BenchRedis | null;
  jwtSecret: string;
  actor: BenchUser;
  members: BenchUser[];
  load: LoadProcess;
  nofile: number;
}

/** One repetition of one system: its server and what has been measured so far. */
export interface Rep {
  ctx: Context;
  spec: SystemSpec;
  rep: number;
  /** the Redis this system runs on (ctx.redis or ctx.cluster) */
  store: BenchRedis;
  server: RunningServer;
  result: RepResult;
  /**
   * Runs one named phase. A failure is recorded in `result.errors` and the repetition goes
   * on; the CPU other processes took meanwhile is recorded in `result.foreign`.
   */
  phase(name: string, work: () => Promise<void>): Promise<void>;
}
