/**
 * Messages between the orchestrator (src/main.ts) and the load process (src/load/index.ts).
 * Every request carries an id; the load process answers each one exactly once.
 */

/** How the load process reaches one system under test. Identical client code for all three. */
export interface Target {
  system: SystemName;
  port: number;
  /** GET path of the user's SSE stream. */
  streamPath: string;
  /** POST path creating one notification for `assigneeId` ({ title, assigneeId }). */
  createPath: string;
  /** POST path creating a group that notifies all `memberIds` ({ name, memberIds }). */
  groupPath: string;
  /** Bearer token of the actor (a manager) for create calls. */
  actorToken: string;
}

export type SystemName =
  'product' | 'product-workers' | 'product-cluster' | 'product-cluster-wait' | 'seed' | 'raw';

export interface StreamSpec {
  key: number;
  userId: string;
  token: string;
}

export type LoadRequest =
  | { op: 'open'; target: Target; streams: StreamSpec[]; concurrency: number; timeoutMs: number }
  | { op: 'closeAll' }
  | {
      op: 'latency';
      target: Target;
      keys: number[];
      samples: number;
      ratePerSec: number;
      thinkMs: number;
      sampleTimeoutMs: number;
      timeoutMs: number;
    }
  | {
      op: 'oneUser';
      target: Target;
      /** open streams, all of one user */
      keys: number[];
      events: number;
      /** how long one event may take to reach every stream */
      eventTimeoutMs: number;
      timeoutMs: number;
    }
  | {
      op: 'burst';
      target: Target;
      keys: number[];
      notifications: number;
      concurrency: number;
      timeoutMs: number;
    }
  | { op: 'broadcast'; target: Target; keys: number[]; groupName: string; timeoutMs: number }
  | {
      op: 'resume';
      target: Target;
      stream: StreamSpec;
      events: number;
      concurrency: number;
      timeoutMs: number;
    };

export interface OpenResult {
  opened: number;
  failed: number;
  ms: number;
  open: number;
  firstError: string | null;
}

export interface LatencyResult {
  /** create-to-receive, ms, in send order */
  latencies: number[];
  /** the load process's event-loop delay during the phase (ms) */
  loadLoop: { max: number; p99: number };
  lost: number;
  errors: number;
  ms: number;
}

/** One notification for the user of all the streams. */
export interface OneUserEvent {
  /** create-to-receive, ms, one per stream that received it, in receipt order */
  latencies: number[];
  /** the create call's response time */
  responseMs: number;
  /** not every stream had it after `eventTimeoutMs` */
  timedOut: boolean;
  error: string | null;
}

export interface OneUserResult {
  streams: number;
  events: OneUserEvent[];
  ms: number;
}

export interface BurstResult {
  sent: number;
  errors: number;
  received: number;
  /** first send → last response */
  sendMs: number;
  /** first send → last delivery */
  deliverMs: number;
  /** per-delivery create-to-receive, ms */
  latencies: number[];
  /** SSE body bytes the burst's streams received meanwhile, heartbeats included (absent in older runs) */
  sseBytes?: number;
  timedOut: boolean;
}

export interface BroadcastResult {
  members: number;
  received: number;
  /** the create call's response time */
  responseMs: number;
  firstMs: number;
  lastMs: number;
  timedOut: boolean;
  error: string | null;
}

export interface ResumeResult {
  events: number;
  received: number;
  /** time to create the missed events (not part of the resume cost) */
  createMs: number;
  /** reconnect request → first missed event */
  firstMs: number;
  /** reconnect request → last missed event, or to the timeout */
  ms: number;
  timedOut: boolean;
  resumedFrom: string | null;
}

export type LoadReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export const MARKER = /~b:(\d+):(\d+\.\d+)~/;
export const marker = (seq: number, ts: number) => `~b:${seq}:${ts.toFixed(3)}~`;
