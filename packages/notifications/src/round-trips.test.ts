import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { eventually, taskAssignment, useRedis } from './test-support';

const env = useRedis();

/** Records the commands Redis runs while `work` runs: sent by clients, and run inside scripts. */
async function monitored(redis: Redis, work: () => Promise<unknown>) {
  const monitor = await redis.monitor();
  const sent: string[] = [];
  let inScripts = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source === 'lua') inScripts += 1;
    else sent.push(args.join(' ').toLowerCase());
  });
  try {
    await work();
    // MONITOR output is ordered: once this marker shows up, everything before it has too.
    await redis.echo('end-of-work');
    await eventually(() => {
      expect(sent.at(-1)).toBe('echo end-of-work');
    });
    return { sent: sent.slice(0, -1).map((command) => command.split(' ')[0]), inScripts };
  } finally {
    monitor.disconnect();
  }
}

describe('Redis round trips', () => {
  it('create is one EVALSHA', async () => {
    const service = env.service();
    await service.create('bob', taskAssignment(0)); // loads the script on this connection
    const creates = 20;
    const { sent, inScripts } = await monitored(env.redis, async () => {
      for (let i = 1; i <= creates; i++) await service.create('bob', taskAssignment(i));
    });
    expect(sent).toEqual(Array<string>(creates).fill('evalsha'));
    // Inside the script: 2 ZRANGE, XRANGE, HSET, EXPIRE, 2 ZADD, XADD, SPUBLISH, PTTL; the
    // prunes, the trim and the key EXPIREs only run when due (not here). See the README.
    expect(inScripts / creates).toBe(10);
  });

  it('createMany sends one pipeline of EVALSHA, one per recipient', async () => {
    const service = env.service();
    await service.create('bob', taskAssignment(0));
    const { sent } = await monitored(env.redis, () =>
      service.createMany(
        Array.from({ length: 1000 }, (_, i) => ({ userId: `u${i}`, input: taskAssignment(i) })),
      ),
    );
    expect(sent).toEqual(Array<string>(1000).fill('evalsha'));
  });
});
