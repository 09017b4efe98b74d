/** Graceful shutdown: counts requests in flight, and answers 503 to new ones once draining has begun. */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

export class Lifecycle {
  draining = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  get active(): number {
    return this.inFlight;
  }

  middleware(): RequestHandler {
    return (_req, res, next) => {
      if (this.draining) {
        res.set('Connection', 'close');
        return next(new AppError('shutting_down', 'Threadline is shutting down; try again in a moment.'));
      }
      this.inFlight += 1;
      res.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.waiters.splice(0).forEach((wake) => wake());
      });
      next();
    };
  }

  /** Stops taking requests; resolves when those in flight are done, or after `deadlineMs` (false then). */
  drain(deadlineMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), deadlineMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
