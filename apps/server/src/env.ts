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

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SESSION_TTL_SECONDS: seconds(8 * 3600),
  NOTIFICATION_TTL_SECONDS: seconds(24 * 3600),
  ALLOWED_ORIGINS: originList,
  DEMO: boolFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per minute per client IP across the whole HTTP surface; 0 turns the limit off. */
  HTTP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  LOGIN_ATTEMPTS_PER_WINDOW: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_SECONDS: seconds(15 * 60),
  TRUST_PROXY: boolFlag,
  WEB_DIST: z.string().optional(),
});

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
