import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathResultSchema, SubgraphResultSchema, type PathResult, type SubgraphResult } from '../../shared/contract/index.js';
import { type ErrorBody, postJson, rows, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();
const RUBIO = 'person:marco-rubio';
const LOPEZ = 'person:cesar-lopez-larios';

// A non-content node joining Rubio and López Larios directly: a shortcut paths must never take.
beforeAll(async () => {
  await api.db.driver.executeQuery(
    `MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
     CREATE (a)-[:SCRATCH_LINK {id: 'rel:test-scratch-a'}]->(x:Scratch {id: 'test:scratch'})-[:SCRATCH_LINK {id: 'rel:test-scratch-b'}]->(b)`,
    { a: RUBIO, b: LOPEZ },
  );
});
afterAll(async () => {
  await api.db.driver.executeQuery(`MATCH (x:Scratch) DETACH DELETE x`);
});

const paths = (query: string) => getJson<PathResult>(`${api.url}/paths?${query}`);

function expectWellFormed(result: PathResult, from: string, to: string) {
  PathResultSchema.parse(result);
  for (const path of result.paths) {
    expect(path.nodes[0]?.id).toBe(from);
    expect(path.nodes.at(-1)?.id).toBe(to);
    expect(path.edges).toHaveLength(path.nodes.length - 1);
    path.edges.forEach((edge, i) => {
      expect(new Set([edge.source, edge.target])).toEqual(new Set([path.nodes[i]?.id, path.nodes[i + 1]?.id]));
    });
    for (const node of path.nodes) expect(node.labels).toContain('Entity');
    for (const node of path.nodes) expect(result.graph.nodes.map((n) => n.id)).toContain(node.id);
    for (const edge of path.edges) expect(result.graph.edges.map((e) => e.id)).toContain(edge.id);
  }
}

describe('GET /api/paths', () => {
  it('finds the shortest path from Rubio to López Larios, through content nodes only', async () => {
    const { status, body } = await paths(`from=${RUBIO}&to=${LOPEZ}`);
    expect(status).toBe(200);
    expectWellFormed(body, RUBIO, LOPEZ);
    expect(body.paths).toHaveLength(1);
    expect(body.truncated).toBe(false);
    const [expected] = await rows<{ hops: number }>(
      api.db,
      `MATCH p = SHORTEST 1 (:Entity {id: $a})(()--(:Entity)){1,6}(:Entity {id: $b}) RETURN length(p) AS hops`,
      { a: RUBIO, b: LOPEZ },
    );
    expect(body.paths[0]?.edges).toHaveLength(expected!.hops);
    expect(expected!.hops).toBeGreaterThan(2); // the 2-hop shortcut through the Scratch node does not count
    expect(body.graph.nodes.map((n) => n.id)).not.toContain('test:scratch');
  });

  it('finds all shortest paths, each once, all of the same length, up to the limit', async () => {
    const { body } = await paths(`from=${RUBIO}&to=${LOPEZ}&mode=all-shortest`);
    expectWellFormed(body, RUBIO, LOPEZ);
    expect(body.paths.length).toBeGreaterThan(1);
    expect(new Set(body.paths.map((p) => p.edges.length)).size).toBe(1);
    expect(new Set(body.paths.map((p) => p.edges.map((e) => e.id).join('>'))).size).toBe(body.paths.length);
    expect(body.truncated).toBe(false);

    const limited = (await paths(`from=${RUBIO}&to=${LOPEZ}&mode=all-shortest&limit=1`)).body;
    expect(limited.paths).toHaveLength(1);
    expect(limited.truncated).toBe(true);
  });

  it('returns no path when none is short enough', async () => {
    const { status, body } = await paths(`from=${RUBIO}&to=${LOPEZ}&maxHops=1`);
    expect(status).toBe(200);
    expect(body).toEqual({ paths: [], graph: { nodes: [], edges: [] }, truncated: false, redirects: {} });
  });

  it('returns the node itself when from = to', async () => {
    const { body } = await paths(`from=${RUBIO}&to=${RUBIO}`);
    expect(body.paths).toEqual([{ nodes: [expect.objectContaining({ id: RUBIO })], edges: [] }]);
  });

  it('answers 404 naming the end that does not exist', async () => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/paths?from=${RUBIO}&to=person:nobody`);
    expect(status).toBe(404);
    expect(body.error.details).toEqual([{ where: 'query.to', message: 'no node with id person:nobody' }]);
    const scratch = await getJson<ErrorBody>(`${api.url}/paths?from=test:scratch&to=${RUBIO}`);
    expect(scratch.status).toBe(404);
    expect(scratch.body.error.details[0]?.where).toBe('query.from');
  });

  it.each([
    [`to=${LOPEZ}`, 'query.from'],
    [`from=${RUBIO}`, 'query.to'],
    [`from=${RUBIO}&to=${LOPEZ}&maxHops=0`, 'query.maxHops'],
    [`from=${RUBIO}&to=${LOPEZ}&maxHops=9`, 'query.maxHops'],
    [`from=${RUBIO}&to=${LOPEZ}&mode=longest`, 'query.mode'],
    [`from=${RUBIO}&to=${LOPEZ}&mode=all-shortest&limit=101`, 'query.limit'],
  ])('answers 400 to ?%s, naming %s', async (query, where) => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/paths?${query}`);
    expect(status).toBe(400);
    expect(body.error.details.map((d) => d.where)).toEqual([where]);
  });
});

describe('POST /api/subgraph', () => {
  const subgraph = (body: unknown) => postJson<SubgraphResult>(`${api.url}/subgraph`, body);

  it('returns those nodes and every edge among them, and which ids were not found', async () => {
    const ids = [RUBIO, 'person:nayib-bukele', 'deal:cecot-access-for-ms13-leaders', 'person:nobody', 'test:scratch', RUBIO];
    const { status, body } = await subgraph({ ids });
    expect(status).toBe(200);
    SubgraphResultSchema.parse(body);
    expect(body.nodes.map((n) => n.id).sort()).toEqual([RUBIO, 'person:nayib-bukele', 'deal:cecot-access-for-ms13-leaders'].sort());
    expect(body.missing).toEqual(['person:nobody', 'test:scratch']);
    const expected = await rows<{ id: string }>(api.db, 'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id', { ids });
    expect(body.edges.map((e) => e.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(body.edges.map((e) => e.id)).toContain('rel:rubio-agreed-to-cecot-deal');
  });

  it('accepts 2,000 ids', async () => {
    const ids = [RUBIO, ...Array.from({ length: 1999 }, (_, i) => `person:nobody-${i}`)];
    const { status, body } = await subgraph({ ids });
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(1);
    expect(body.missing).toHaveLength(1999);
  });

  it.each([
    [{ ids: [] }, 'body.ids'],
    [{ ids: Array.from({ length: 2001 }, (_, i) => `person:x-${i}`) }, 'body.ids'],
    [{ ids: 'person:marco-rubio' }, 'body.ids'],
    [{}, 'body.ids'],
    [{ ids: [RUBIO, 42] }, 'body.ids.1'],
  ])('answers 400 to %j, naming %s', async (request, where) => {
    const { status, body } = await postJson<ErrorBody>(`${api.url}/subgraph`, request);
    expect(status).toBe(400);
    expect(body.error.details.map((d) => d.where)).toContain(where);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const { status, body } = await postJson<ErrorBody>(`${api.url}/subgraph`, '{"ids": [');
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
  });
});
