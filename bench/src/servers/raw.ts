/**
 * The raw floor: node:http writing SSE with res.write, one Redis subscriber connection for
 * the whole process (SUBSCRIBE per user with open streams, reference counted), PUBLISH on
 * create. No tRPC, no persistence, no resume. Same tokens and routes shape as the others.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  listen,
  parseCreate,
  parseGroup,
  readConfig,
  readJson,
  send,
  SSE_HEADERS,
  stopOn,
  userIdOf,
} from './common';

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

const server = http.createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) send(res, 500, { error: 'internal' });
    else res.destroy();
  });
});

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/healthz') {
    send(res, 200, { ok: true });
    return;
  }
  const userId = await userIdOf(req, key);
  if (!userId) {
    send(res, 401, { error: 'unauthorized' });
    return;
  }
  if (req.method === 'GET' && path === '/stream') {
    await stream(res, userId);
    return;
  }
  if (req.method === 'POST' && path === '/notify') {
    const input = parseCreate(await readJson(req));
    if (!input) {
      send(res, 400, { error: 'Invalid data' });
      return;
    }
    const title = `Task Assigned: ${input.title}`;
    await redis.publish(
      channelOf(input.assigneeId),
      payload(input.assigneeId, title, `Task "${input.title}" has been assigned to you.`),
    );
    {
      send(res, 201, { ok: true });
      return;
    }
  }
  if (req.method === 'POST' && path === '/groups') {
    const input = parseGroup(await readJson(req));
    if (!input) {
      send(res, 400, { error: 'Invalid data' });
      return;
    }
    const pipeline = redis.pipeline();
    const everyone = new Set([userId, ...input.memberIds]);
    for (const member of everyone) {
      const title = `Added to Approver Group: ${input.name}`;
      pipeline.publish(channelOf(member), payload(member, title, title));
    }
    await pipeline.exec();
    {
      send(res, 201, { ok: true });
      return;
    }
  }
  {
    send(res, 404, { error: 'Not found' });
    return;
  }
}

server.keepAliveTimeout = 60_000;
stopOn(server, () => Promise.all([redis.quit(), subscriber.quit()]));
listen(server, port, 'raw');
