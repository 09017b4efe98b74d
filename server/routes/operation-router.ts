/**
 * Routes made from operations (shared/contract/*-operations.ts): the path, the method and the input schemas come from
 * each declaration, so a route file only says what to do with the parsed input, one handler per operation of its group
 * (the type asks for every one). Roles are enforced before any route by server/auth/authenticate.ts.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { ApiOperation } from '../../shared/contract/operation.js';
import { parse } from './validate.js';

type Part = 'params' | 'query' | 'body';
type Parsed<O, P extends Part> = O extends { [K in P]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The request's params, query and body, each parsed with the operation's schema (undefined when it declares none). */
type OperationInput<O> = { [P in Part]: Parsed<O, P> };

type ReplyBody<O> = O extends { reply: { schema: infer S extends z.ZodType } } ? z.input<S> : never;

/**
 * Returns the reply body, sent as JSON with the operation's status; or writes the reply itself (a file, a status that
 * depends on the outcome) and returns nothing. A handler that does neither ends the reply with the operation's status (204).
 */
type OperationHandler<O> = (input: OperationInput<O>, req: Request, res: Response) => ReplyBody<O> | void | Promise<ReplyBody<O> | void>;

/** A handler, or a handler after route-specific middleware (a rate limit, a raw body parser). */
type Entry<O> = OperationHandler<O> | { before: RequestHandler[]; handler: OperationHandler<O> };

type Handlers<G extends Record<string, ApiOperation>> = { [K in keyof G]: Entry<G[K]> };

/** A handler as the loop below sees it; the types above tie each handler's input to its own operation's schemas. */
type LooseHandler = (input: Record<Part, unknown>, req: Request, res: Response) => unknown;

export function operationRouter<G extends Record<string, ApiOperation>>(operations: G, handlers: Handlers<G>): Router {
  const router = Router();
  for (const [operationId, operation] of Object.entries(operations)) {
    const entry = handlers[operationId] as unknown as LooseHandler | { before: RequestHandler[]; handler: LooseHandler };
    const { before, handler } = typeof entry === 'function' ? { before: [], handler: entry } : entry;
    router[operation.method](operation.path, ...before, async (req: Request, res: Response) => {
      const input = {
        params: operation.params && parse(operation.params, req.params, 'params'),
        query: operation.query && parse(operation.query, req.query, 'query'),
        // Without a JSON body (Express 5 leaves req.body undefined) the schema sees an empty object.
        body: operation.body && parse(operation.body, req.body ?? {}, 'body'),
      };
      const reply = await handler(input, req, res);
      const status = operation.reply.status ?? 200;
      if (reply !== undefined) res.status(status).json(reply);
      else if (!res.headersSent) res.status(status).end();
    });
  }
  return router;
}
