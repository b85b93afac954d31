import { availableParallelism } from 'node:os';
import type { HostPort, RedisTarget } from '@acme/redis';
import { z } from 'zod';

const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const originList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url().transform((u) => new URL(u).origin)));

const WORKERS_RULE = 'must be an integer from 1 to 64, or auto';
const workerCount = z
  .string()
  .trim()
  .regex(/^(auto|[1-9]\d?)$/, WORKERS_RULE)
  .refine((s) => s === 'auto' || Number(s) <= 64, WORKERS_RULE)
  .transform((s) => (s === 'auto' ? availableParallelism() : Number(s)))
  .default(1);

const hostPort = z
  .string()
  .trim()
  .regex(/^[^\s:,]+:\d{1,5}$/, 'must be a comma-separated list of host:port')
  .transform((s) => {
    const at = s.lastIndexOf(':');
    return { host: s.slice(0, at), port: Number(s.slice(at + 1)) };
  })
  .refine((n) => n.port > 0 && n.port < 65536, 'has a port out of range');
const hostPortList = z
  .string()
  .transform((s) => s.split(',').filter((p) => p.trim() !== ''))
  .pipe(z.array(hostPort).min(1, 'must name at least one host:port'));

const redisFields = {
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /** Seed nodes of a Redis Cluster, instead of REDIS_URL. */
  REDIS_CLUSTER_NODES: hostPortList.optional(),
};

function exactlyOneRedis(
  env: { REDIS_URL?: string | undefined; REDIS_CLUSTER_NODES?: unknown },
  ctx: z.RefinementCtx,
) {
  const url = env.REDIS_URL !== undefined;
  if (url === (env.REDIS_CLUSTER_NODES !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['REDIS_URL'],
      message: url
        ? 'and REDIS_CLUSTER_NODES are both set: set only one'
        : 'is required (or REDIS_CLUSTER_NODES, for a Redis Cluster)',
    });
  }
}

/** Where Redis is, for the server and for the ops CLIs. */
export const redisEnvSchema = z
  .object(redisFields)
  .superRefine(exactlyOneRedis)
  .transform(redisTarget);

export function redisTarget(env: {
  REDIS_URL?: string | undefined;
  REDIS_CLUSTER_NODES?: HostPort[] | undefined;
}): RedisTarget {
  return env.REDIS_CLUSTER_NODES
    ? { clusterNodes: env.REDIS_CLUSTER_NODES }
    : { url: env.REDIS_URL ?? '' };
}

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Server processes sharing PORT (node:cluster); `auto` is one per CPU. */
    WORKERS: workerCount,
    ...redisFields,
    /** Replicas that must confirm each write (WAIT) before it is acknowledged. */
    REDIS_MIN_REPLICAS: z.coerce.number().int().min(0).max(16).default(0),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
    SESSION_TTL_SECONDS: seconds(8 * 3600),
    /** History: notifications, their views and read state. */
    NOTIFICATION_TTL_SECONDS: seconds(30 * 24 * 3600),
    /** The event stream's replay window: resume after an older id gets sync.reset. */
    EVENT_REPLAY_SECONDS: seconds(24 * 3600),
    ALLOWED_ORIGINS: originList,
    DEMO: boolFlag,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Requests per minute per client IP across the whole HTTP surface; 0 turns the limit off. */
    HTTP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
    LOGIN_ATTEMPTS_PER_WINDOW: z.coerce.number().int().positive().default(10),
    LOGIN_WINDOW_SECONDS: seconds(15 * 60),
    TRUST_PROXY: boolFlag,
    WEB_DIST: z.string().optional(),
  })
  .superRefine(exactlyOneRedis);

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; on failure prints one line per bad variable and exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'environment');
    const shown =
      issue.code === 'invalid_type' && source[name] === undefined ? 'is required' : issue.message;
    process.stderr.write(`Invalid configuration: ${name} ${shown}\n`);
  }
  process.exit(1);
}
