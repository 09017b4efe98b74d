/** Adds what the auth middleware learns to Express's Request. */
import type { Request } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { Identity } from './roles.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is asking; unset for anonymous requests. */
      identity?: Identity;
      /** The request's logger (pino child with the request id). */
      log?: Logger;
    }
  }
}

/** The name saved as the author of what a request saves: who is logged in (`local` without logins). */
export function authorOf(req: Request): string {
  if (!req.identity) throw new AppError('unauthorized', 'Log in first.');
  return req.identity.name;
}
