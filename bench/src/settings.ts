export interface Settings {
  mode: 'full' | 'quick';
  reps: number;
  /** stream counts at which create-to-receive latency is sampled */
  latencyLevels: number[];
  /** samples per level per repetition (open loop at `latencyRate`, ≤1 in flight per user) */
  latencySamples: Record<number, number>;
  latencyRate: number;
  /** a user is sent to again 0..thinkMs after its last receipt (de-phases the seed's poll) */
  latencyThinkMs: number;
  sampleTimeoutMs: number;
  /** fan-out to one user: that many open streams of ONE user (same token) */
  oneUserStreams: number;
  /** notifications created for that user, one at a time (each waited for on every stream) */
  oneUserEvents: number;
  /** stream counts at which server RSS is read (after a forced GC) */
  rssLevels: number[];
  idleStreams: number;
  idleSeconds: number;
  /** Redis commands with no stream open, to subtract the process's own background traffic */
  baselineSeconds: number;
  burstUsers: number;
  burstNotifications: number;
  /** create calls in flight during the burst (one keep-alive connection each) */
  sendConcurrency: number;
  broadcastMembers: number;
  resumeEvents: number;
  resumeTimeoutMs: number;
  deliveryTimeoutMs: number;
  openConcurrency: number;
  /** a repetition during which other processes took more CPU (% of one core) is repeated */
  maxForeignPct: number;
  /** how many disturbed repetitions the whole run may repeat */
  maxReruns: number;
  /** the whole run is aborted (children stopped, partial results written) after this */
  deadlineMs: number;
}

export const FULL: Settings = {
  mode: 'full',
  reps: 3,
  latencyLevels: [1, 100, 5000],
  latencySamples: { 1: 40, 100: 300, 5000: 300 },
  latencyRate: 100,
  latencyThinkMs: 500,
  sampleTimeoutMs: 5000,
  oneUserStreams: 1000,
  oneUserEvents: 20,
  rssLevels: [0, 1000, 5000, 10_000],
  idleStreams: 5000,
  idleSeconds: 30,
  baselineSeconds: 10,
  burstUsers: 1000,
  burstNotifications: 20_000,
  sendConcurrency: 64,
  broadcastMembers: 1000,
  resumeEvents: 1000,
  resumeTimeoutMs: 10_000,
  deliveryTimeoutMs: 120_000,
  openConcurrency: 200,
  maxForeignPct: 30,
  maxReruns: 3,
  deadlineMs: 40 * 60_000,
};

export const QUICK: Settings = {
  mode: 'quick',
  reps: 1,
  latencyLevels: [1, 100, 1000],
  latencySamples: { 1: 20, 100: 100, 1000: 100 },
  latencyRate: 100,
  latencyThinkMs: 500,
  sampleTimeoutMs: 3000,
  oneUserStreams: 200,
  oneUserEvents: 5,
  rssLevels: [0, 1000, 2000],
  idleStreams: 1000,
  idleSeconds: 5,
  baselineSeconds: 5,
  burstUsers: 200,
  burstNotifications: 2000,
  sendConcurrency: 64,
  broadcastMembers: 200,
  resumeEvents: 200,
  resumeTimeoutMs: 5000,
  deliveryTimeoutMs: 30_000,
  openConcurrency: 200,
  maxForeignPct: 30,
  maxReruns: 1,
  deadlineMs: 8 * 60_000,
};

/** Distinct users needed: one per stream, plus one for the resume phase. */
export const usersNeeded = (s: Settings) =>
  Math.max(...s.latencyLevels, ...s.rssLevels, s.idleStreams, s.burstUsers, s.broadcastMembers) + 1;
