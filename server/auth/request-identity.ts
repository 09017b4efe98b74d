/** Adds what the auth middleware learns to Express's Request. */
import type { Logger } from 'pino';
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

export {};
