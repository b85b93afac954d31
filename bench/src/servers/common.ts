import { webcrypto } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';

/**
 * What the two comparison servers share: the product's tokens (HS256, issuer
 * 'acme-notifications', sub = user id) verified the same way, a JSON body reader and a
 * bounded graceful stop. Configuration comes from the orchestrator through the environment.
 */
export function readConfig() {
  const port = Number(process.env.PORT ?? '0');
  const redisUrl = process.env.REDIS_URL;
  const secret = process.env.JWT_SECRET;
  if (!redisUrl || !secret) throw new Error('REDIS_URL and JWT_SECRET are required');
  // Imported once: handing jose the raw bytes would re-import the key on every verify.
  const key = webcrypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return { port, redisUrl, key };
}

export async function userIdOf(
  req: IncomingMessage,
  keyPromise: Promise<webcrypto.CryptoKey>,
): Promise<string | null> {
  const key = await keyPromise;
  const header = req.headers.authorization ?? '';
  const fromQuery = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
  const token = header.startsWith('Bearer ') ? header.slice(7) : fromQuery;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: 'acme-notifications',
    });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

export function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(text) as unknown);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

export function parseCreate(body: unknown): { title: string; assigneeId: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { title, assigneeId } = body as Record<string, unknown>;
  return typeof title === 'string' && typeof assigneeId === 'string' ? { title, assigneeId } : null;
}

export function parseGroup(body: unknown): { name: string; memberIds: string[] } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { name, memberIds } = body as Record<string, unknown>;
  if (typeof name !== 'string' || !Array.isArray(memberIds)) return null;
  const ids = memberIds.filter((m): m is string => typeof m === 'string');
  return { name, memberIds: ids };
}

/** SIGTERM/SIGINT: stop accepting, drop open streams, quit Redis, exit within 5 s. */
export function stopOn(server: Server, quit: () => Promise<unknown>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    server.close();
    server.closeAllConnections();
    quit().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export function listen(server: Server, port: number, name: string): void {
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`${name} listening on http://127.0.0.1:${actual}\n`);
  });
}
