/**
 * Hostile input, generated: thousands of random and malformed requests against every API route (wrong types,
 * huge strings, deep JSON, odd unicode, path tricks, NUL bytes, bad JSON and content types). None may answer 5xx,
 * none may hang (each has a time limit), and the graph's node and relationship counts must not move.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/neo4j.js';
import { apiRoutes, type ApiRoute } from '../support/api-routes.js';
import { startAuthServer, userWithToken, type AuthServer } from '../support/auth.js';
import { startTestServer, type TestServer } from '../support/test-app.js';
import { counts, useTestDatabases } from '../support/test-db.js';

const REQUEST_TIMEOUT_MS = 15_000;
const routes = apiRoutes(createApp({ db: {} as Database }));

const { db, loginDb } = useTestDatabases();
let local: TestServer;
let withLogins: AuthServer;
let analystToken: string;
let sent = 0;

beforeAll(async () => {
  analystToken = await userWithToken(loginDb, 'analyst', 'fuzz-analyst');
  local = await startTestServer(db);
  withLogins = await startAuthServer(db, loginDb);
});

afterAll(async () => {
  console.log(`[fuzz] ${sent} requests sent`);
  await withLogins?.close();
  await local?.close();
});

/** Counts of the knowledge graph itself (labels not starting with `_`: users, sessions, saved views are app data). */
async function graphCounts() {
  const result = await db.driver.executeQuery(
    `CALL () { MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '_') RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() WHERE NOT type(r) STARTS WITH '_' RETURN count(r) AS relationships } RETURN nodes, relationships`,
  );
  return result.records[0]!.toObject();
}

const nasty = fc.oneof(
  fc.constantFrom(
    '..', '../..', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2f', '..\\..\\windows', '%00', 'a%00b', '%ZZ', '%', '%E0%A4%A',
    '%F0%9F%92%A9', '\u0000', '\uFEFF', '\u202Eevil', 'ＡＤＭＩＮ', '💩'.repeat(50), "' OR 1=1 --", '"}); MATCH (n) DETACH DELETE n //',
    '<img src=x onerror=alert(1)>', '${jndi:ldap://x}', '{{7*7}}', 'person:marco-rubio', 'NaN', '-1', '1e309', '0x10', '[]', '{}', 'null',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);

const segment = fc.oneof(nasty.map((s) => encodeURIComponent(s)), nasty.map((s) => s.replace(/[/?#\s]/g, '')));

function deep(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const jsonValue = fc.jsonValue({ maxDepth: 6 });
const body = fc.oneof(
  { weight: 4, arbitrary: jsonValue.map((v) => ({ text: JSON.stringify(v), type: 'application/json' })) },
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom('query', 'params', 'ids', 'name', 'state', 'cypher', 'parameters', 'tags', 'version', 'author', 'password', 'role', 'format', 'nodes'), fc.oneof(jsonValue, nasty)).map((v) => ({ text: JSON.stringify(v), type: 'application/json' })) },
  { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((d) => ({ text: deep(d, '[', ']'), type: 'application/json' })) },
  { weight: 1, arbitrary: fc.nat({ max: 5_000 }).map((d) => ({ text: `{"query":"RETURN $p","params":{"p":${deep(d, '{"a":', '}')}}}`, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.nat({ max: 3_000 }).map((d) => ({ text: `{"query":"RETURN $p","params":{"p":${deep(d, '[', ']')}}}`, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', 'nul', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}').map((t) => ({ text: t, type: 'application/json' })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 200 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=klingon', 'multipart/form-data', ''))
      .map(([text, type]) => ({ text, type })),
  },
  { weight: 1, arbitrary: fc.constant({ text: JSON.stringify({ query: 'x'.repeat(1_100_000) }), type: 'application/json' }) },
);

const query = fc.array(
  fc.tuple(fc.constantFrom('q', 'limit', 'labels', 'cursor', 'types', 'direction', 'from', 'to', 'mode', 'maxHops', 'tag', 'text', 'id', 'token', '__proto__', 'q[]', 'limit[0]'), nasty),
  { maxLength: 5 },
);

const request = (candidates: ApiRoute[]) =>
  fc.record({
    route: fc.constantFrom(...candidates),
    method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), { freq: 5 }),
    params: fc.array(segment, { minLength: 3, maxLength: 3 }),
    query,
    body: fc.option(body, { freq: 3 }),
    extraSegment: fc.option(segment, { freq: 8 }),
  });

type Generated = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

async function send(base: string, r: Generated, token?: string): Promise<number> {
  let i = 0;
  let path = r.route.path.replace(/:[A-Za-z]+/g, () => r.params[i++] ?? 'x');
  if (r.extraSegment !== null) path += `/${r.extraSegment}`;
  const qs = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const method = r.method ?? r.route.method;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = r.body !== null && method !== 'GET' && method !== 'HEAD';
  if (hasBody && r.body!.type) headers['content-type'] = r.body!.type;
  sent += 1;
  const response = await fetch(`${base}/api${path}${qs ? `?${qs}` : ''}`, {
    method,
    headers,
    body: hasBody ? r.body!.text : undefined,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

function property(base: () => string, candidates: ApiRoute[], token?: () => string) {
  return fc.asyncProperty(request(candidates), async (r) => {
    const status = await send(base(), r, token?.());
    if (status >= 500) throw new Error(`${status} for ${r.method ?? r.route.method} ${r.route.path}`);
  });
}

describe('fuzzing every route', () => {
  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('never answers 5xx nor hangs, as the local admin (no logins), and the graph is unchanged', { timeout: 600_000 }, async () => {
    const before = await graphCounts();
    const all = await counts(db);
    await fc.assert(property(() => local.url, routes), { numRuns: 3_000, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) });
    expect(await graphCounts()).toEqual(before);
    expect((await counts(db)).relationships).toBe(all.relationships);
  });

  it('never answers 5xx nor hangs, as an analyst or anonymous with logins on, and nothing at all changes', { timeout: 600_000 }, async () => {
    const before = await counts(db);
    await fc.assert(property(() => withLogins.url, routes, () => analystToken), { numRuns: 1_000 });
    await fc.assert(property(() => withLogins.url, routes), { numRuns: 500 });
    expect(await counts(db)).toEqual(before);
  });
});
