/**
 * Every API route × every role, plus anonymous: a role that may use the route never gets 401 or 403 (a 2xx, or a
 * 4xx from validation of the deliberately empty input); a role below it gets 403; nobody logged in gets 401.
 * Routes are found by walking the Express router, so a new route is in the matrix as soon as it is mounted, and
 * they must be exactly the declared operations (shared/contract/api-operations.ts), whose `role` the gate enforces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { hasRole, ROLES, type Role } from '../../server/auth/roles.js';
import { routeFor, routeKey } from '../../server/auth/route-roles.js';
import type { Database } from '../../server/db/neo4j.js';
import { API_OPERATIONS } from '../../shared/contract/api-operations.js';
import { apiRoutes } from '../support/api-routes.js';
import { call, startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { useTestDatabases } from '../support/test-db.js';

const { db, loginDb } = useTestDatabases();
let server: AuthServer;
const tokens = {} as Record<Role, string>;
const routes = apiRoutes(createApp({ db: {} as Database }));

beforeAll(async () => {
  for (const role of ROLES) tokens[role] = await userWithToken(loginDb, role, `matrix-${role}`);
  server = await startAuthServer(db, loginDb);
});

afterAll(async () => {
  await server?.close();
});

/** Public routes that answer "nobody is logged in" with 401 by design. */
const WHO_AM_I = new Set(['GET /auth/me']);

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, 'matrix-missing');

describe('the route × role matrix', () => {
  it('finds the routes, and they are exactly the declared operations, each served once', () => {
    expect(routes.length).toBeGreaterThan(30);
    const served = routes.map((r) => `${r.method} ${r.path}`).sort();
    const declared = API_OPERATIONS.map(routeKey).sort();
    expect(served, 'serve Express routes only through server/routes/operation-router.ts, and mount every group in server/app.ts').toEqual(declared);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('answers each route as its role allows', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const requirement = routeFor(route.method, route.path)!.requirement;
      const url = `${server.url}/api${concrete(route.path)}`;
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      for (const who of [...ROLES, 'anonymous'] as const) {
        const { status } = await call(url, { method: route.method, body, token: who === 'anonymous' ? undefined : tokens[who] });
        checked += 1;
        const allowed = requirement === 'public' || (who !== 'anonymous' && hasRole(who, requirement));
        const expected = allowed ? 'not 401/403' : who === 'anonymous' ? '401' : '403';
        const whoAmI = who === 'anonymous' && WHO_AM_I.has(`${route.method} ${route.path}`);
        const ok = allowed ? (status !== 401 || whoAmI) && status !== 403 && status < 500 : status === Number(expected);
        if (!ok) failures.push(`${route.method} ${route.path} as ${who} (needs ${requirement}): ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * (ROLES.length + 1));
    console.log(`[auth-matrix] ${routes.length} routes × ${ROLES.length + 1} callers = ${checked} requests`);
  });

  it('says in the OpenAPI document which role each operation needs', async () => {
    const { body } = await call<{ paths: Record<string, Record<string, { 'x-required-role': string; security: unknown[] }>> }>(`${server.url}/api/openapi.json`, { token: tokens.viewer });
    expect(body.paths['/users']!.get!['x-required-role']).toBe('admin');
    expect(body.paths['/cypher']!.post!['x-required-role']).toBe('analyst');
    expect(body.paths['/health']!.get!.security).toEqual([]);
    const roles = Object.values(body.paths).flatMap((ops) => Object.values(ops).map((op) => op['x-required-role']));
    expect(roles.every((role) => ['public', ...ROLES].includes(role))).toBe(true);
  });

  it('fails closed on a route nobody listed: only admins get past the gate (then a 404)', async () => {
    expect((await call(`${server.url}/api/not-a-route`)).status).toBe(401);
    expect((await call(`${server.url}/api/not-a-route`, { token: tokens.editor })).status).toBe(403);
    expect((await call(`${server.url}/api/not-a-route`, { token: tokens.admin })).status).toBe(404);
  });

  it('matches paths the way Express does: any case, a trailing slash', async () => {
    expect((await call(`${server.url}/api/USERS/`, { token: tokens.editor })).status).toBe(403);
    expect((await call(`${server.url}/api/Users`, { token: tokens.admin })).status).toBe(200);
  });
});
