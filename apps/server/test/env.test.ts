import { expect, it } from 'vitest';
import { loadEnv } from '../src/env';

const required = { REDIS_URL: 'redis://127.0.0.1:1', JWT_SECRET: 'x'.repeat(32) };

it('keeps a month of history and a day of event replay by default', () => {
  expect(loadEnv(required)).toMatchObject({
    NOTIFICATION_TTL_SECONDS: 30 * 86_400,
    EVENT_REPLAY_SECONDS: 86_400,
  });
  expect(loadEnv({ ...required, EVENT_REPLAY_SECONDS: '3600' }).EVENT_REPLAY_SECONDS).toBe(3600);
});
