/**
 * The raw floor: node:http writing SSE with res.write, one Redis subscriber connection for
 * the whole process (SUBSCRIBE per user with open streams, reference counted), PUBLISH on
 * create. No tRPC, no persistence, no resume. Same tokens and routes shape as the others.
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { listen, readConfig, SSE_HEADERS, stopOn } from './common';
import { createBenchServer } from './routes';

const HEARTBEAT_MS = 10_000;
const { port, redisUrl, key } = readConfig();
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const subscriber = new Redis(redisUrl);

interface Channel {
  clients: Set<http.ServerResponse>;
  subscribed: Promise<unknown>;
}
const channels = new Map<string, Channel>();
const channelOf = (userId: string) => `live:${userId}`;

subscriber.on('message', (name: string, message: string) => {
  const channel = channels.get(name);
  if (!channel) return;
  const frame = `data: ${message}\n\n`;
  for (const res of channel.clients) res.write(frame);
});

// One timer for all streams: a comment line every 10 s keeps proxies from timing out.
setInterval(() => {
  for (const channel of channels.values()) for (const res of channel.clients) res.write(':\n\n');
}, HEARTBEAT_MS).unref();

async function stream(res: http.ServerResponse, userId: string) {
  const name = channelOf(userId);
  let channel = channels.get(name);
  if (!channel) {
    channel = { clients: new Set(), subscribed: subscriber.subscribe(name) };
    channels.set(name, channel);
  }
  const joined = channel;
  joined.clients.add(res);
  res.on('close', () => {
    joined.clients.delete(res);
    if (joined.clients.size === 0 && channels.get(name) === joined) {
      channels.delete(name);
      subscriber.unsubscribe(name).catch(() => undefined);
    }
  });
  res.writeHead(200, SSE_HEADERS);
  await joined.subscribed;
  res.write('data: {"connected":true}\n\n');
}

function payload(userId: string, title: string, message: string) {
  return JSON.stringify({
    id: randomUUID(),
    userId,
    title,
    message,
    createdAt: new Date().toISOString(),
  });
}

const server = createBenchServer({
  key,
  unauthorized: { error: 'unauthorized' },
  streamPath: '/stream',
  stream: (_req, res, userId) => stream(res, userId),
  async notify(input) {
    const title = `Task Assigned: ${input.title}`;
    await redis.publish(
      channelOf(input.assigneeId),
      payload(input.assigneeId, title, `Task "${input.title}" has been assigned to you.`),
    );
  },
  async group(input, creatorId) {
    const pipeline = redis.pipeline();
    for (const member of new Set([creatorId, ...input.memberIds])) {
      const title = `Added to Approver Group: ${input.name}`;
      pipeline.publish(channelOf(member), payload(member, title, title));
    }
    await pipeline.exec();
  },
});
stopOn(server, () => Promise.all([redis.quit(), subscriber.quit()]));
listen(server, port, 'raw');
