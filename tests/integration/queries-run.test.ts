import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, CypherCheck, RunResult, SavedQuery, SavedQueryList } from '../../shared/contract/index.js';
import { ensureStarterQueries } from '../../server/services/queries/starter-queries.js';
import { DEFAULT_LIMITS } from '../../server/services/queries/cypher-runner.js';
import { startQueryApi, useSeededQueryApi } from '../support/query-api.js';

const api = useSeededQueryApi(ensureStarterQueries);

const adhoc = (query: string, params: Record<string, unknown> = {}) => api.call<RunResult>('POST', '/api/cypher', { query, params });

/** The wire model never carries Neo4j's internal ids, and every edge's ends are among the nodes. */
function expectWellFormed(result: RunResult) {
  const json = JSON.stringify(result);
  expect(json).not.toMatch(/elementId|"identity"|"4:[0-9a-f-]{36}:\d+"/);
  const ids = new Set(result.graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(result.graph.nodes.length);
  for (const edge of result.graph.edges) {
    expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  }
}

describe('the starter queries on the seed graph', () => {
  const paramsFor: Record<string, Record<string, unknown>> = {
    'shortest-path-between-two-actors': { from: 'person:marco-rubio', to: 'person:cesar-lopez-larios' },
  };

  it('each runs and returns rows and a graph', async () => {
    const { body } = await api.call<SavedQueryList>('GET', '/api/queries?tag=starter');
    expect(body.queries.length).toBeGreaterThanOrEqual(8);
    for (const query of body.queries) {
      const { status, body: result } = await api.call<RunResult>('POST', `/api/queries/${query.id}/run`, { params: paramsFor[query.id] ?? {} });
      expect({ id: query.id, status }).toEqual({ id: query.id, status: 200 });
      expect({ id: query.id, rows: result.rows.length > 0, nodes: result.graph.nodes.length > 0 }).toEqual({ id: query.id, rows: true, nodes: true });
      expect(result.summary).toMatchObject({ rowCount: result.rows.length, truncated: false, rowCap: 5000, timeoutMs: 15_000 });
      expectWellFormed(result);
    }
  });

  it('answers the questions they ask', async () => {
    const run = async (id: string, params: Record<string, unknown> = {}) => (await api.call<RunResult>('POST', `/api/queries/${id}/run`, { params })).body;
    const path = await run('shortest-path-between-two-actors', { from: 'person:marco-rubio', to: 'person:nayib-bukele' });
    expect(path.rows[0]).toMatchObject({ hops: 1, steps: ['Marco Rubio', 'Nayib Bukele'] });
    const informants = await run('informants-whose-protections-were-revoked-and-by-whom');
    expect(informants.rows[0]).toMatchObject({ informants: 'Legally protected U.S. informants', revokedBy: expect.arrayContaining(['Pam Bondi']) });
    const march = await run('timeline-of-dated-events', { from: '2025-03-14', to: '2025-03-31' });
    expect(march.rows.length).toBeGreaterThan(0);
    expect(march.rows.every((r) => (r.date as string) >= '2025-03-14')).toBe(true);
    const anonymous = await run('claims-resting-only-on-anonymous-sources');
    expect(anonymous.rows.every((r) => (r.attributions as string[]).length > 0)).toBe(true);
    const ranked = await run('most-connected-nodes', { limit: 3, kinds: 'Person' });
    expect(ranked.rows.map((r) => r.kind)).toEqual(['Person', 'Person', 'Person']);
  });
});

describe('results', () => {
  it('put every node, relationship and path, in lists and maps too, in the graph; cells are wire objects', async () => {
    const { status, body } = await adhoc(
      `MATCH p = (rubio:Person {id: 'person:marco-rubio'})-[agreed:AGREED_TO]->(deal:Deal)
       RETURN rubio.name AS name, {deal: deal, links: [agreed]} AS nested, p AS path, 42 AS answer, date('2025-03-13') AS day`,
    );
    expect(status).toBe(200);
    expect(body.columns).toEqual(['name', 'nested', 'path', 'answer', 'day']);
    const row = body.rows[0]!;
    expect(row).toMatchObject({ name: 'Marco Rubio', answer: 42, day: '2025-03-13' });
    expect(row.nested).toMatchObject({
      deal: { id: 'deal:cecot-access-for-ms13-leaders', labels: ['Entity', 'Deal'] },
      links: [{ id: 'rel:rubio-agreed-to-cecot-deal', type: 'AGREED_TO', source: 'person:marco-rubio', target: 'deal:cecot-access-for-ms13-leaders' }],
    });
    expect((row.path as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toEqual(['person:marco-rubio', 'deal:cecot-access-for-ms13-leaders']);
    expect(body.graph.nodes.map((n) => n.id).sort()).toEqual(['deal:cecot-access-for-ms13-leaders', 'person:marco-rubio']);
    expect(body.graph.edges.map((e) => e.id)).toEqual(['rel:rubio-agreed-to-cecot-deal']);
    expectWellFormed(body);
  });

  it('fetch the end nodes of relationships returned alone, so no edge is dropped', async () => {
    const { body } = await adhoc('MATCH ()-[r:BENEFITS]->() RETURN r');
    expect(body.rows.length).toBe(4);
    expect(body.graph.edges).toHaveLength(4);
    expect(body.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['deal:cecot-access-for-ms13-leaders', 'person:donald-trump', 'place:el-salvador']));
    expect(body.rows[0]!.r).toMatchObject({ source: expect.stringMatching(/^deal:/), type: 'BENEFITS' });
    expectWellFormed(body);
  });

  it('are cut at the row cap and say so', async () => {
    const capped = await startQueryApi(api.db, { ...DEFAULT_LIMITS, rowCap: 100 });
    try {
      const big = await capped.call<RunResult>('POST', '/api/cypher', { query: 'UNWIND range(1, 10000) AS x RETURN x' });
      expect(big.status).toBe(200);
      expect(big.body.rows).toHaveLength(100);
      expect(big.body.rows.at(-1)).toEqual({ x: 100 });
      expect(big.body.summary).toMatchObject({ rowCount: 100, truncated: true, rowCap: 100 });
      const exact = await capped.call<RunResult>('POST', '/api/cypher', { query: 'UNWIND range(1, 100) AS x RETURN x' });
      expect(exact.body.summary).toMatchObject({ rowCount: 100, truncated: false });
    } finally {
      await capped.close();
    }
  });
});

describe('limits and errors', () => {
  it('stops a slow query at the timeout with 408, the limit and how to raise it', async () => {
    const quick = await startQueryApi(api.db, { ...DEFAULT_LIMITS, timeoutMs: 1000 });
    try {
      const started = Date.now();
      const { status, body } = await quick.call<ApiError>('POST', '/api/cypher', {
        query: 'WITH 100000000 AS n UNWIND range(1, n) AS x WITH x WHERE x % 7 = 99 RETURN count(*)',
      });
      expect(status).toBe(408);
      expect(body.error.code).toBe('timeout');
      expect(body.error.message).toMatch(/1 s limit/);
      expect(body.error.message).toMatch(/QUERY_TIMEOUT_MS/);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await quick.call('POST', '/api/cypher', { query: 'RETURN 1 AS one' })).status).toBe(200);
    } finally {
      await quick.close();
    }
  });

  it('reports a syntax error with Neo4j’s message and the line and column in the user’s text', async () => {
    const { status, body } = await api.call<ApiError>('POST', '/api/cypher', { query: 'MATCH (n:Person)\nWHERE n.name = "x"\nRETURN n,,' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^Cypher syntax error at line 3, column 10: Invalid input ','/);
    expect(body.error.details[0]).toMatchObject({ where: 'body.query', line: 3, column: 10 });
  });

  it('reports errors Neo4j finds while running (400)', async () => {
    const { status, body } = await adhoc('RETURN toInteger($x) / 0 AS boom', { x: 1 });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/by zero/) } });
  });

  it('passes whole JSON numbers as integers to ad-hoc queries', async () => {
    const { status, body } = await adhoc('MATCH (n:Person) RETURN n.name AS name ORDER BY name LIMIT $n', { n: 2 });
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(2);
  });

  it('checks a query without running it and lists its parameters', async () => {
    const ok = await api.call<CypherCheck>('POST', '/api/cypher/check', { query: 'MATCH (n {id: $id}) RETURN n LIMIT $limit' });
    expect(ok).toEqual({ status: 200, body: { parameters: ['id', 'limit'] } });
    expect((await api.call('POST', '/api/cypher/check', { query: 'CREATE (n)' })).status).toBe(403);
  });
});

describe('declared parameters', () => {
  let id: string;
  beforeAll(async () => {
    const { body } = await api.call<SavedQuery>('POST', '/api/queries', {
      name: 'Every parameter type',
      cypher: 'RETURN $s AS s, $i AS i, $f AS f, $b AS b, $d AS d, $n AS n, $l AS l, $opt AS opt, $i + 1 AS next, $d + duration("P1D") AS after',
      parameters: [
        { name: 's', type: 'string', required: true },
        { name: 'i', type: 'integer', required: true },
        { name: 'f', type: 'float', required: true },
        { name: 'b', type: 'boolean', required: true },
        { name: 'd', type: 'date', required: true },
        { name: 'n', type: 'nodeId', required: true },
        { name: 'l', type: 'stringList', required: true },
        { name: 'opt', type: 'string' },
      ],
    });
    id = body.id;
  });

  const good = { s: "Rubio'); MATCH (n) DETACH DELETE n //", i: 41, f: 0.5, b: true, d: '2025-03-13', n: 'person:marco-rubio', l: ['a', 'b'] };
  const run = (params: Record<string, unknown>) => api.call<RunResult & ApiError>('POST', `/api/queries/${id}/run`, { params });

  it('are typed as declared, and strings are only ever values', async () => {
    const { status, body } = await run(good);
    expect(status).toBe(200);
    expect(body.rows[0]).toEqual({ ...good, opt: null, next: 42, after: '2025-03-14' });
  });

  it('accept strings as forms and the command line send them', async () => {
    const { status, body } = await run({ ...good, i: '41', f: '0.5', b: 'true', l: 'a, b' });
    expect(status).toBe(200);
    expect(body.rows[0]).toMatchObject({ i: 41, f: 0.5, b: true, l: ['a', 'b'], next: 42 });
  });

  it.each([
    ['s', 5, /params\.s must be a string/],
    ['i', 4.5, /params\.i must be a whole number/],
    ['f', 'half', /params\.f must be a number/],
    ['b', 'maybe', /params\.b must be true or false/],
    ['d', '2025-02-30', /params\.d must be a date as YYYY-MM-DD/],
    ['n', 'MATCH (n) RETURN n', /params\.n must be a node id/],
    ['n', 'person:nobody-at-all', /params\.n: no node has the id person:nobody-at-all/],
    ['l', [1, 2], /params\.l must be a list of strings/],
  ])('refuse a bad %s (400, naming it)', async (name, value, message) => {
    const { status, body } = await run({ ...good, [name]: value });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
    expect(body.error.details.map((d) => d.where)).toContain(`params.${name}`);
  });

  it('refuse a missing required parameter and an unknown one', async () => {
    const { i: _i, ...withoutI } = good;
    const missing = await run(withoutI);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/params\.i is required/);
    const unknown = await run({ ...good, extra: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/params\.extra is not a parameter/);
  });
});
