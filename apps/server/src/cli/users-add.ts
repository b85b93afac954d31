// Usage: REDIS_URL=redis://… (or REDIS_CLUSTER_NODES=…) pnpm users:add --email a@b.c --name "Ana" --role manager [--password …]
// Prompts for the password when --password is not given.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createUserInputSchema } from '@acme/contracts';
import { createUserService, UserExistsError } from '@acme/auth';
import { connectRedis } from '@acme/redis';
import { redisEnvSchema } from '../env';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'member' },
    password: { type: 'string' },
  },
});

async function main() {
  const target = redisEnvSchema.safeParse(process.env);
  if (!target.success) {
    throw new Error(
      'Set REDIS_URL (redis://host:port) or REDIS_CLUSTER_NODES (host:port,…) to the Redis the server uses',
    );
  }
  let password = values.password;
  if (password === undefined) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password: ');
    rl.close();
  }
  const input = createUserInputSchema.safeParse({ ...values, password });
  if (!input.success) {
    throw new Error(
      input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const redis = await connectRedis(target.data);
  try {
    const user = await createUserService(redis).create(input.data);
    process.stdout.write(`Created ${user.role} ${user.name} <${user.email}> (${user.id})\n`);
  } finally {
    redis.disconnect();
  }
}

main().catch((err: unknown) => {
  const message =
    err instanceof UserExistsError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
