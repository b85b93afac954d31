/**
 * The seed's design (shared/seeds/000), reimplemented minimally for comparison. Per open
 * stream, a loop that every 0.5 s asks Redis for the oldest unread notification of the user
 * (LRANGE of the whole `notifications:{user}` list, SMEMBERS of `read_notifications:{user}`),
 * marks it read (SADD + EXPIRE: "sent = read"), and sends it as an unnamed `data:` event;
 * `data: {}` every 10 s; the "SSE connection established" message first. Notifications are
 * RPUSHed to the user's list with a 24 h EXPIRE. Redis calls are awaited one after another,
 * like redis-py's synchronous client in the Django view.
 */
import type http from 'node:http';
import { Redis } from 'ioredis';
import { listen, readConfig, SSE_HEADERS, stopOn } from './common';
import { createBenchServer } from './routes';

const POLL_MS = 500;
const HEARTBEAT_MS = 10_000;
const TTL_SECONDS = 86_400;

const { port, redisUrl, key } = readConfig();
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface SeedNotification {
  id: number;
  message: string;
}

let lastMs = 0;
let sameMs = 0;
/**
 * The seed's id is the creation time in ms (e.g. 1757481510478). Two notifications of one
 * user in the same ms would share an id and the read set would swallow the second, so the
 * bench appends a per-ms sequence: otherwise the seed would lose events under bursts.
 */
function nextId(): number {
  const ms = Date.now();
  sameMs = ms === lastMs ? sameMs + 1 : 0;
  lastMs = ms;
  return ms * 1000 + sameMs;
}

async function addNotification(userId: string, message: string): Promise<void> {
  const queue = `notifications:${userId}`;
  const notification: SeedNotification = { id: nextId(), message };
  await redis.rpush(queue, JSON.stringify(notification));
  await redis.expire(queue, TTL_SECONDS);
}

/** The oldest notification not in the read set, now marked read; null if none. */
async function getNotification(userId: string): Promise<SeedNotification | null> {
  const items = await redis.lrange(`notifications:${userId}`, 0, -1);
  if (items.length === 0) return null;
  const readKey = `read_notifications:${userId}`;
  const read = new Set(await redis.smembers(readKey));
  for (const raw of items) {
    const notification = JSON.parse(raw) as SeedNotification;
    if (!read.has(String(notification.id))) {
      await redis.sadd(readKey, String(notification.id));
      await redis.expire(readKey, TTL_SECONDS);
      return notification;
    }
  }
  return null;
}

async function stream(req: http.IncomingMessage, res: http.ServerResponse, userId: string) {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const isOpen = () => !closed;
  res.writeHead(200, SSE_HEADERS);
  res.write(`data: ${JSON.stringify({ message: 'SSE connection established' })}\n\n`);
  let lastHeartbeat = Date.now();
  while (isOpen()) {
    try {
      const notification = await getNotification(userId);
      if (notification && isOpen()) res.write(`data: ${JSON.stringify(notification)}\n\n`);
      if (Date.now() - lastHeartbeat > HEARTBEAT_MS) {
        res.write('data: {}\n\n');
        lastHeartbeat = Date.now();
      }
    } catch {
      // "Cleans up Redis data on connection errors."
      await redis.del(`notifications:${userId}`, `read_notifications:${userId}`).catch(() => 0);
      res.destroy();
      return;
    }
    await sleep(POLL_MS);
  }
  req.resume();
}

const server = createBenchServer({
  key,
  unauthorized: { detail: 'Authentication credentials were not provided.' },
  streamPath: '/api/communication/notifications/sse/',
  stream,
  notify: (input) => addNotification(input.assigneeId, `Task Assigned: ${input.title}`),
  async group(input, creatorId) {
    await addNotification(creatorId, 'New approver group created successfully.');
    for (const member of input.memberIds) {
      if (member !== creatorId) {
        await addNotification(member, `Added to Approver Group: ${input.name}`);
      }
    }
  },
});
stopOn(server, () => redis.quit());
listen(server, port, 'seed');
