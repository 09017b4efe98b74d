import type { ErrorRequestHandler } from 'express';
import { z } from 'zod';

export type ErrorCode =
  | 'moved'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'forbidden'
  | 'timeout'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'database_unavailable'
  | 'shutting_down'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  moved: 308,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  database_unavailable: 503,
  shutting_down: 503,
  internal: 500,
};

export interface ErrorDetail {
  where: string;
  message: string;
}

/** The one error type of the server; the middleware below turns it into an HTTP reply. */
export class AppError extends Error {
  readonly status: number;
  /** For `moved`: the id in the request's path that now lives on as `to` (server/services/redirects.ts). */
  readonly moved?: { from: string; to: string };
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options?: { cause?: unknown; moved?: { from: string; to: string } },
  ) {
    super(message, options);
    this.status = STATUS[code];
    this.moved = options?.moved;
  }

  static fromZod(error: z.ZodError, where: 'query' | 'body' | 'params'): AppError {
    const details = nearestIssues(error.issues).map((issue) => ({
      where: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    const summary = details.map((d) => `${d.where}: ${d.message}`).join('; ');
    return new AppError('bad_request', `Invalid request: ${summary}`, details);
  }
}

/**
 * A union that matched no branch says only "Invalid input": name instead the problems of its nearest branch (the one
 * with fewest, when one is nearest), so a claim without a confidence says `body.confidence`, not `body`.
 */
function nearestIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const fewest = Math.min(...issue.errors.map((branch) => branch.length));
      const nearest = issue.errors.filter((branch) => branch.length === fewest);
      // Two branches equally near (`{}` for `{evidence} | {editorial}`): the union itself is what is wrong.
      if (fewest > 0 && nearest.length === 1) return nearestIssues(nearest[0]!, path);
    }
    return [{ path, message: issue.message }];
  });
}

const SERVICE_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** Transient Neo4j errors still failing after the driver's retries (a leader switch, a database restarting). */
const isTransient = (code: string) => code.startsWith('Neo.TransientError.') || code === 'Neo.ClientError.Cluster.NotALeader';

/** Maps whatever a route or service threw to a JSON error; never leaks a stack trace. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; type?: string; status?: number; message?: string };
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'Request body is too large');
  if (e?.type === 'entity.parse.failed') return new AppError('bad_request', `Request body is not valid JSON: ${e.message}`);
  // Body-parser errors (http-errors, `expose`) and undecodable URL parameters (a URIError with status 400).
  const exposed = err as { expose?: boolean; status?: number };
  if ((exposed?.expose || err instanceof URIError) && typeof exposed.status === 'number' && exposed.status >= 400 && exposed.status < 500) {
    return new AppError(exposed.status === 413 ? 'payload_too_large' : 'bad_request', `Bad request: ${e.message}`);
  }
  if (e?.code && (SERVICE_UNAVAILABLE.has(e.code) || isTransient(e.code))) {
    return new AppError('database_unavailable', 'The database is unreachable; retrying. Try again in a moment.', [], {
      cause: err,
    });
  }
  return new AppError('internal', 'Internal server error', [], { cause: err });
}

export const errorMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  const log = (req as { log?: { error(o: object, m: string): void } }).log;
  if (appError.code === 'internal') {
    if (log) log.error({ err }, 'internal error');
    else console.error(err);
  }
  // 429s from the rate limiter set their own wait; the query slots' (server/services/queries/query-slots.ts) take this one.
  if (appError.moved) res.location(movedUrl(req.originalUrl, appError.moved));
  if ((appError.status === 503 || appError.status === 429) && !res.get('Retry-After')) res.set('Retry-After', '5');
  res.status(appError.status).json({
    error: { code: appError.code, message: appError.message, details: appError.details },
  });
};

/** The request's URL with the path segment naming `from` replaced by `to` (the query string kept). */
function movedUrl(url: string, { from, to }: { from: string; to: string }): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  const segments = path.split('/').map((segment) => (safeDecode(segment) === from ? encodeURIComponent(to) : segment));
  return segments.join('/') + (query ? `?${query}` : '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
