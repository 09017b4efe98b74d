/**
 * Which role each API route needs, looked up per request by the authenticate middleware. Roles are declared with each
 * operation (shared/contract/*-operations.ts, the `role` field), the same declarations the routes are made from.
 * A request that matches no operation needs `admin` (fail closed). Paths are Express-style and relative to /api.
 */
import { API_OPERATIONS } from '../../shared/contract/api-operations.js';
import type { ApiOperation } from '../../shared/contract/operation.js';
import type { Requirement } from './roles.js';

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export const routeKey = ({ method, path }: Pick<ApiOperation, 'method' | 'path'>) => `${method.toUpperCase()} ${path}` as RouteKey;

/** Routes that never look at who is asking (so they answer even when the database is down). */
export const NO_IDENTITY = new Set<RouteKey>(API_OPERATIONS.filter((op) => op.ignoresIdentity).map(routeKey));

interface CompiledRoute {
  key: RouteKey;
  requirement: Requirement;
  method: string;
  pattern: RegExp;
}

/** Matches like Express does by default: case-insensitive, an optional trailing slash, `:param` = one segment. */
function compile(op: ApiOperation): CompiledRoute {
  const source = op.path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { key: routeKey(op), requirement: op.role, method: op.method.toUpperCase(), pattern: new RegExp(`^${source}/?$`, 'i') };
}

const COMPILED = API_OPERATIONS.map(compile);

/** The operation's entry for a request (HEAD is looked up as GET), or undefined. */
export function routeFor(method: string, path: string): { key: RouteKey; requirement: Requirement } | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const found = COMPILED.find((r) => r.method === m && r.pattern.test(path));
  return found && { key: found.key, requirement: found.requirement };
}
