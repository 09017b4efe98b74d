/**
 * One API endpoint, declared once: its path and method, who may call it, the schemas of its input and reply.
 * The server's routes (server/routes/operation-router.ts), its role gate (server/auth/route-roles.ts) and the OpenAPI
 * document (openapi.ts) are all made from these declarations, so none of them retypes a path, a method or a role.
 */
import type { z } from 'zod';
import type { Requirement } from './auth.js';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under /api, e.g. `/nodes/:id`. */
  path: string;
  operationId: string;
  /** Who may call it: this role or any above it, or `public` (anyone, even without logging in). */
  role: Requirement;
  /** Never looks at who is asking, so it answers even when sessions cannot be read (GET /health). */
  ignoresIdentity?: true;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body; an operation that reads its body otherwise (a file upload) leaves it out. */
  body?: z.ZodType;
  /** The reply schema and its name under components.schemas; or a status alone for a reply without a JSON body. */
  reply: { name: string; schema: z.ZodType; status?: number } | { status: number; description: string };
  /** Error statuses this operation documents besides 500 (400 and 404 are the usual ones). */
  errors?: readonly number[];
}

/** A group of operations keyed by operationId; each keeps its own schema types, so handlers are typed by them. */
export function defineOperations<T extends Record<string, Omit<ApiOperation, 'operationId'>>>(operations: T): { [K in keyof T & string]: T[K] & { operationId: K } } {
  return Object.fromEntries(Object.entries(operations).map(([operationId, operation]) => [operationId, { ...operation, operationId }])) as {
    [K in keyof T & string]: T[K] & { operationId: K };
  };
}
