import http from 'node:http';
import type { webcrypto } from 'node:crypto';
import { parseCreate, parseGroup, readJson, send, userIdOf } from './common';

type Create = NonNullable<ReturnType<typeof parseCreate>>;
type Group = NonNullable<ReturnType<typeof parseGroup>>;

/** What one comparison server does; the routes, auth and replies around it are shared. */
export interface BenchRoutes {
  key: Promise<webcrypto.CryptoKey>;
  /** The 401 body in the system's own words. */
  unauthorized: unknown;
  streamPath: string;
  stream(req: http.IncomingMessage, res: http.ServerResponse, userId: string): Promise<void>;
  /** One notification for the assignee. */
  notify(input: Create): Promise<void>;
  /** The creator's and the members' notifications of a new group. */
  group(input: Group, creatorId: string): Promise<void>;
}

/**
 * GET /healthz; with a Bearer token: GET <streamPath>, POST /notify, POST /groups (400 on a
 * bad body, 201 when done); 404 otherwise. A failure is a 500 or, mid-stream, a reset.
 */
export function createBenchServer(routes: BenchRoutes): http.Server {
  const server = http.createServer((req, res) => {
    handle(routes, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

async function handle(routes: BenchRoutes, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/healthz') {
    send(res, 200, { ok: true });
    return;
  }
  const userId = await userIdOf(req, routes.key);
  if (!userId) {
    send(res, 401, routes.unauthorized);
    return;
  }
  if (req.method === 'GET' && path === routes.streamPath) {
    await routes.stream(req, res, userId);
    return;
  }
  const write =
    req.method !== 'POST'
      ? null
      : path === '/notify'
        ? async (body: unknown) => {
            const input = parseCreate(body);
            if (input) await routes.notify(input);
            return input !== null;
          }
        : path === '/groups'
          ? async (body: unknown) => {
              const input = parseGroup(body);
              if (input) await routes.group(input, userId);
              return input !== null;
            }
          : null;
  if (!write) {
    send(res, 404, { error: 'Not found' });
    return;
  }
  if (await write(await readJson(req))) send(res, 201, { ok: true });
  else send(res, 400, { error: 'Invalid data' });
}
