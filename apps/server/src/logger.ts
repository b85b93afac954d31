import { pino, type LoggerOptions } from 'pino';

/** Replaces the value of any `token`-like query parameter, so URLs can be logged safely. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|jwt)=)[^&#]*/gi, '$1[REDACTED]');
}

interface SerializableRequest {
  method: string;
  url: string;
  ip: string;
}

export function createLogger(level: LoggerOptions['level']) {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: SerializableRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
