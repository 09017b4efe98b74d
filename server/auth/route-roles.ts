/**
 * The one place that says which role each API route needs. The authorize middleware enforces it; a route that is
 * not listed needs `admin` (fail closed), and tests/integration/auth-matrix.test.ts fails until it is listed.
 * Paths are Express-style and relative to /api.
 */
import type { Requirement } from './roles.js';

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export const ROUTE_ROLES: Record<RouteKey, Requirement> = {
  // Anyone: whether the server is up, and logging in and out.
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'public',
  'GET /auth/me': 'public',
  // Any user: their own API tokens.
  'GET /auth/tokens': 'viewer',
  'POST /auth/tokens': 'viewer',
  'DELETE /auth/tokens/:id': 'viewer',
  // viewer: explore and export.
  'GET /openapi.json': 'viewer',
  'GET /schema': 'viewer',
  'GET /search': 'viewer',
  'GET /graph/overview': 'viewer',
  'GET /nodes/:id': 'viewer',
  'GET /nodes/:id/neighbors': 'viewer',
  'GET /paths': 'viewer',
  'POST /subgraph': 'viewer',
  'GET /edges/:id': 'viewer',
  'GET /evidence/:id': 'viewer',
  'GET /sources/:id/text': 'viewer',
  'GET /views': 'viewer',
  'GET /views/:id': 'viewer',
  'POST /export': 'viewer',
  // analyst: run saved and ad-hoc read-only queries.
  'GET /queries': 'analyst',
  'GET /queries/:id': 'analyst',
  'GET /queries/:id/history': 'analyst',
  'POST /queries/:id/run': 'analyst',
  'POST /cypher': 'analyst',
  'POST /cypher/check': 'analyst',
  // editor: save queries and views, import, edit the graph.
  'POST /queries': 'editor',
  'PUT /queries/:id': 'editor',
  'DELETE /queries/:id': 'editor',
  'POST /queries/:id/restore': 'editor',
  'POST /views': 'editor',
  'DELETE /views/:id': 'editor',
  'POST /import': 'editor',
  // admin: manage users.
  'GET /users': 'admin',
  'POST /users': 'admin',
  'DELETE /users/:name': 'admin',
};

/** Routes that never look at who is asking (so they answer even when the database is down). */
export const NO_IDENTITY = new Set<RouteKey>(['GET /health']);

interface CompiledRoute {
  key: RouteKey;
  method: string;
  pattern: RegExp;
}

/** Matches like Express does by default: case-insensitive, an optional trailing slash, `:param` = one segment. */
function compile(key: RouteKey): CompiledRoute {
  const [method, path] = key.split(' ') as [string, string];
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { key, method, pattern: new RegExp(`^${source}/?$`, 'i') };
}

const COMPILED = (Object.keys(ROUTE_ROLES) as RouteKey[]).map(compile);

/** The table entry for a request (HEAD is looked up as GET), or undefined. */
export function routeFor(method: string, path: string): { key: RouteKey; requirement: Requirement } | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  const found = COMPILED.find((r) => r.method === m && r.pattern.test(path));
  return found && { key: found.key, requirement: ROUTE_ROLES[found.key]! };
}
