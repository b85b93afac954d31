import type { FastifyReply, FastifyRequest } from 'fastify';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * CSRF: tRPC would take multipart/form-data as a mutation input, and a cross-site HTML form
 * can send that with the user's cookie. Only JSON bodies are accepted (an onRequest hook).
 */
export async function refuseNonJsonPost(req: FastifyRequest, reply: FastifyReply) {
  if (req.method === 'POST' && !JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    return reply.code(415).send({
      error: {
        message: 'POST requests must be application/json',
        code: -32600,
        data: { code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 },
      },
    });
  }
  return undefined;
}
