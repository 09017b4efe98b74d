/**
 * Token buckets in memory, one per key (an IP address, a user): `perMinute` requests a minute, in bursts of
 * up to `perMinute`. Kept per process: behind a load balancer with N copies the effective limit is N times this.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.js';

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`: 0 when allowed, else the seconds until the next token. */
  take(key: string): number {
    const rate = this.perMinute / 60_000;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.prune(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
  }

  /** Forgets buckets that have refilled: they are the same as new ones. */
  private prune(now: number): void {
    const rate = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * rate >= this.perMinute) this.buckets.delete(key);
  }
}

export interface RateLimits {
  /** Requests a minute from one IP address (0: no limit). */
  perIpPerMinute: number;
  /** Requests a minute from one logged-in user (0: no limit). */
  perUserPerMinute: number;
  /** Login attempts a minute from one IP address (0: no limit). */
  loginsPerMinute: number;
}

export function rateLimit(perMinute: number, keyOf: (req: Request) => string | undefined, what: string): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(perMinute);
  return (req, res, next) => {
    const key = keyOf(req);
    const wait = key === undefined ? 0 : buckets.take(key);
    if (wait === 0) return next();
    res.set('Retry-After', String(wait));
    next(new AppError('too_many_requests', `Too many requests from this ${what} (limit ${perMinute} a minute). Try again in ${wait} s.`));
  };
}
