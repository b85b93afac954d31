import type { RedisClient } from '@acme/redis';
import { describe, expect, it } from 'vitest';
import { eventually, masters, taskAssignment, useRedis } from './test-support';

const env = useRedis();

/**
 * Records the commands every master runs while `work` runs: those sent on `redis`'s own
 * connections, and those run inside scripts. Other connections are left out: on a cluster,
 * the client refreshes its slots every few seconds on a connection of its own.
 */
async function monitored(redis: RedisClient, work: () => Promise<unknown>) {
  const nodes = masters(redis);
  const sent = await Promise.all(
    nodes.map(async (node) => {
      const monitor = await node.monitor();
      // Read when a command shows up: a cluster connects a node's connection on first use.
      const ours = (from: string) =>
        from === `${node.stream.localAddress ?? ''}:${node.stream.localPort ?? ''}`;
      const commands: string[] = [];
      let inScripts = 0;
      monitor.on('monitor', (_time: string, args: string[], from: string) => {
        if (from === 'lua') inScripts += 1;
        else if (ours(from)) commands.push(args.join(' ').toLowerCase());
      });
      return { monitor, commands, inScripts: () => inScripts };
    }),
  );
  try {
    await work();
    // MONITOR output is ordered: once this marker shows up, everything before it has too.
    await Promise.all(nodes.map((node) => node.echo('end-of-work')));
    await eventually(() => {
      for (const { commands } of sent) expect(commands.at(-1)).toBe('echo end-of-work');
    });
    return {
      sent: sent.flatMap(({ commands }) => commands.slice(0, -1).map((c) => c.split(' ')[0])),
      inScripts: sent.reduce((sum, node) => sum + node.inScripts(), 0),
    };
  } finally {
    for (const { monitor } of sent) monitor.disconnect();
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
    // Inside the script: HGET (the type's mute), 2 ZRANGE, XRANGE, HSET, EXPIRE, 2 ZADD, XADD,
    // SPUBLISH, PTTL; the prunes, the trim and the key EXPIREs only run when due (not here).
    // See the README.
    expect(inScripts / creates).toBe(11);
  });

  it('createMany sends one pipeline of EVALSHA, one per recipient', async () => {
    const service = env.service();
    const items = Array.from({ length: 1000 }, (_, i) => ({
      userId: `u${i}`,
      input: taskAssignment(i),
    }));
    await service.createMany(items); // loads the script on the connection of every master
    const { sent } = await monitored(env.redis, () => service.createMany(items));
    expect(sent).toEqual(Array<string>(1000).fill('evalsha'));
  });
});
