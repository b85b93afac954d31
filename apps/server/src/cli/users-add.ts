// Usage: REDIS_URL=redis://… pnpm users:add --email a@b.c --name "Ana" --role manager [--password …]
// Prompts for the password when --password is not given.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUserInputSchema } from '@acme/contracts';
import { createUserService, UserExistsError } from '@acme/auth';
import { connectRedis } from '../redis';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'member' },
    password: { type: 'string' },
  },
});

async function main() {
  const redisUrl = z.url().safeParse(process.env.REDIS_URL);
  if (!redisUrl.success)
    throw new Error('Set REDIS_URL to the Redis the server uses (redis://host:port)');
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
  const redis = await connectRedis(redisUrl.data);
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
