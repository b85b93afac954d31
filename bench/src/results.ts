import type {
  BroadcastResult,
  BurstResult,
  LatencyResult,
  OneUserResult,
  ResumeResult,
  SystemName,
} from './protocol';
import type { RedisCost } from './redis-stats';
import type { Settings } from './settings';
import type { summarize } from './stats';
import type { LoopDelay } from './systems';

/** What a run measures: written to results/<date>.json and read back by the report. */

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface Window {
  seconds: number;
  commands: number;
  commandsPerSec: number;
  perCommand: Record<string, number>;
  serverCpuPct: number;
  redisCpuPct: number;
}

/** CPU used during a phase: % of one core, and ms */
export interface Cpu {
  serverPct: number;
  loadPct: number;
  redisPct: number;
  serverMs?: number;
  redisMs?: number;
}

export interface RepResult {
  system: SystemName;
  rep: number;
  open: { level: number; added: number; ms: number }[];
  rss: Record<string, Memory>;
  baseline: Window | null;
  idle: (Window & { streams: number; perStreamPerSec: number }) | null;
  latency: Record<string, LatencyResult & { serverLoop?: LoopDelay }>;
  /** fan-out to one user with many streams (absent in older runs) */
  oneUser?: OneUserResult | null;
  burst:
    | (BurstResult & {
        latency: ReturnType<typeof summarize>;
        cpu: Cpu;
        /** Redis's commands and CPU over the burst, summed over the masters and per master */
        redis?: RedisCost;
      })
    | null;
  broadcast: (BroadcastResult & { cpu?: Cpu; redis?: RedisCost }) | null;
  resume: ResumeResult | null;
  /** CPU % of one core used by processes outside the bench, per phase */
  foreign: Record<string, number>;
  errors: string[];
}

export interface RunResult {
  date: string;
  mode: Settings['mode'];
  settings: Settings;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    redis: string;
  };
  systems: SystemName[];
  /** the local cluster of `--redis=cluster|both` (its masters' figures are summed) */
  cluster?: { replicasPerMaster: number; masters: { name: string; holds: string[] }[] } | null;
  reps: RepResult[];
  /** repetitions run again because other processes loaded the machine */
  discarded: { system: SystemName; rep: number; foreign: Record<string, number> }[];
  wallSeconds: number;
}

/** A repetition with nothing measured yet. */
export function emptyRep(system: SystemName, rep: number): RepResult {
  return {
    system,
    rep,
    open: [],
    rss: {},
    baseline: null,
    idle: null,
    latency: {},
    oneUser: null,
    burst: null,
    broadcast: null,
    resume: null,
    foreign: {},
    errors: [],
  };
}
