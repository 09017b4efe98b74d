/**
 * JSON logs with pino. Nothing secret is written: request lines carry the method, a URL whose secret query
 * parameters are masked, the status, the time and the user's name; never headers or bodies. Redaction paths
 * cover anything that logs a request, a response or credentials by mistake.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';

/** Query parameters whose values never reach the logs. */
export const SECRET_QUERY_PARAMS = ['token', 'access_token', 'api_key', 'apikey', 'key', 'password', 'passwd', 'secret', 'session', 'auth', 'authorization', 'code', 'signature'];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'secret',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { app: 'threadline' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const secret = new Set(SECRET_QUERY_PARAMS);
  const masked = [...params].map(([k, v]) => `${encodeURIComponent(k)}=${secret.has(k.toLowerCase()) ? '[redacted]' : encodeURIComponent(v)}`);
  return `${url.slice(0, q)}?${masked.join('&')}`;
}

/** One line per request, when it ends: method, URL (masked), status, ms, user. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    req.log = logger.child({ reqId: randomUUID() });
    res.on('finish', () => {
      const line = {
        method: req.method,
        url: redactUrl(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        user: req.identity?.name,
        ip: req.ip,
      };
      if (res.statusCode >= 500) req.log!.error(line, 'request failed');
      else req.log!.info(line, 'request');
    });
    next();
  };
}
