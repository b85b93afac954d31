import { randomUUID } from 'node:crypto';
import { createUserService } from '@acme/auth';
import type { Role, User } from '@acme/contracts';
import { Redis } from 'ioredis';

export const FRESH_PASSWORD = 'fresh-password-123';

/**
 * A user that exists for one test only, created straight in the run's Redis (as
 * `pnpm users:add` does), so badge counts cannot be disturbed by specs in other workers.
 */
export async function createFreshUser(role: Role = 'sales'): Promise<User & { password: string }> {
  const url = process.env.E2E_REDIS_URL;
  if (!url) throw new Error('E2E_REDIS_URL is not set: run through the Playwright config');
  const redis = new Redis(url);
  try {
    const id = randomUUID().slice(0, 8);
    const user = await createUserService(redis).create({
      email: `e2e-${id}@demo.test`,
      name: `Fresh ${id}`,
      role,
      password: FRESH_PASSWORD,
    });
    return { ...user, password: FRESH_PASSWORD };
  } finally {
    redis.disconnect();
  }
}
