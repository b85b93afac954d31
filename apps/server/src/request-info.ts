import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestInfo } from '@acme/api';

export const SESSION_COOKIE = 'acme_session';

export function bearerToken(req: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Adapts a Fastify request/reply to the framework-free shape the API's context reads. */
export function toRequestInfo(req: FastifyRequest, reply: FastifyReply): RequestInfo {
  const secure = req.protocol === 'https';
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return {
    ip: req.ip,
    selfOrigin: `${req.protocol}://${req.host}`,
    origin: header('origin'),
    secFetchSite: header('sec-fetch-site'),
    cookieToken: req.cookies[SESSION_COOKIE] ?? null,
    bearerToken: bearerToken(req),
    setSessionCookie(token, expiresAt) {
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: expiresAt,
      });
    },
    clearSessionCookie() {
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    },
  };
}
