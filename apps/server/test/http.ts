/** Minimal raw-HTTP helpers: the tests check headers and status codes the typed client hides. */
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';

export interface TrpcResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function trpcMutation(
  base: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<TrpcResponse> {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function trpcQuery(
  base: string,
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<TrpcResponse> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/trpc/${path}${qs}`, { headers });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** `acme_session=…` from a Set-Cookie header, ready to send back as a Cookie header. */
export function sessionCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('acme_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0] ?? '';
}

/** GET on a connection of its own, so round-robin can hand each request to another worker. */
export async function getOnNewConnection(
  url: string,
  path: string,
  headers: Record<string, string> = {},
) {
  const req = request(new URL(path, url), { agent: false, headers });
  req.end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  return res;
}
