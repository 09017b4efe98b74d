import { describe, expect, it } from 'vitest';
import { NeighborPageSchema, NodeDetailsSchema, type NeighborPage, type NodeDetails } from '../../shared/contract/index.js';
import { enc, type ErrorBody, rows, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();
const RUBIO = 'person:marco-rubio';

describe('GET /api/nodes/:id', () => {
  it('returns the node, the evidence for its properties with the source named, and its degree', async () => {
    const { status, body } = await getJson<NodeDetails>(`${api.url}/nodes/${enc(RUBIO)}`);
    expect(status).toBe(200);
    NodeDetailsSchema.parse(body);
    expect(body.node).toMatchObject({ id: RUBIO, labels: expect.arrayContaining(['Entity', 'Person']), properties: { name: 'Marco Rubio' } });

    const stored = await rows<{ ids: string[] }>(api.db, 'MATCH (n:Entity {id: $id}) RETURN n.evidence AS ids', { id: RUBIO });
    expect(body.evidence.map((e) => e.id)).toEqual(stored[0]?.ids);
    const alias = body.evidence.find((e) => e.claims.includes(`${RUBIO}#aliases`));
    expect(alias).toMatchObject({
      quote: 'Little Marco Double-Crosses U.S. Informants',
      attribution: 'The Daily Beast',
      confidence: 'fact',
      source: { id: 'source:daily-beast-rubio-bukele-informants', publisher: 'The Daily Beast', hasText: true, name: expect.stringContaining('Little Marco') },
    });

    const expected = await rows<{ type: string; direction: string; count: number }>(
      api.db,
      `MATCH (n:Entity {id: $id})-[r]->() RETURN type(r) AS type, 'out' AS direction, count(*) AS count
       UNION ALL MATCH (n:Entity {id: $id})<-[r]-() RETURN type(r) AS type, 'in' AS direction, count(*) AS count`,
      { id: RUBIO },
    );
    const key = (d: { type: string; direction: string }) => `${d.type}/${d.direction}`;
    expect([...body.degree].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
    expect(body.degree).toContainEqual({ type: 'AGREED_TO', direction: 'out', count: 1 });
  });

  it('replaces a source text by its length', async () => {
    const { body } = await getJson<NodeDetails>(`${api.url}/nodes/${enc('source:daily-beast-rubio-bukele-informants')}`);
    expect(body.node.properties.text).toBeUndefined();
    expect(body.node.properties.textLength).toBeGreaterThan(1000);
  });

  it('answers 404 with a JSON error for an unknown id, and for an evidence id (evidence is not a node)', async () => {
    for (const id of ['person:nobody', 'evidence:daily-beast-rubio-bukele-informants:110-156:fact']) {
      const { status, body } = await getJson<ErrorBody>(`${api.url}/nodes/${enc(id)}`);
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'not_found', message: `No node with id ${id}` });
    }
  });

  it('answers 400 for an id that is too long', async () => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/nodes/${'x'.repeat(301)}`);
    expect(status).toBe(400);
    expect(body.error.details[0]?.where).toBe('params.id');
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  const neighbors = (id: string, query = '') => getJson<NeighborPage>(`${api.url}/nodes/${enc(id)}/neighbors?${query}`);

  it('returns every neighbour with the connecting edges, in relationship-id order', async () => {
    const { status, body } = await neighbors(RUBIO);
    expect(status).toBe(200);
    NeighborPageSchema.parse(body);
    const expected = await rows<{ rel: string; other: string }>(api.db, 'MATCH (:Entity {id: $id})-[r]-(m:Entity) RETURN r.id AS rel, m.id AS other ORDER BY rel', { id: RUBIO });
    expect(body.total).toBe(expected.length);
    expect(body.edges.map((e) => e.id)).toEqual(expected.map((r) => r.rel));
    expect(body.nodes.map((n) => n.id).sort()).toEqual([...new Set(expected.map((r) => r.other))].sort());
    expect(body.nextCursor).toBeNull();
    for (const edge of body.edges) expect([edge.source, edge.target]).toContain(RUBIO);
    expect(body.edges).toContainEqual(expect.objectContaining({ id: 'rel:rubio-agreed-to-cecot-deal', type: 'AGREED_TO', source: RUBIO, target: 'deal:cecot-access-for-ms13-leaders' }));
    expect(body.nodes.map((n) => n.id)).not.toContain(RUBIO);
  });

  it('filters by type and direction', async () => {
    const out = (await neighbors(RUBIO, 'direction=out')).body;
    expect(out.edges.length).toBeGreaterThan(0);
    expect(out.edges.every((e) => e.source === RUBIO)).toBe(true);
    const incoming = (await neighbors(RUBIO, 'direction=in')).body;
    expect(incoming.edges.every((e) => e.target === RUBIO)).toBe(true);
    expect(out.total + incoming.total).toBe((await neighbors(RUBIO)).body.total);

    const typed = (await neighbors(RUBIO, 'types=AGREED_TO,TOLD&direction=both')).body;
    expect(new Set(typed.edges.map((e) => e.type))).toEqual(new Set(['AGREED_TO', 'TOLD']));
    expect(typed.total).toBe(typed.edges.length);
    expect((await neighbors(RUBIO, 'types=NO_SUCH_TYPE')).body).toEqual({ nodes: [], edges: [], total: 0, nextCursor: null });
  });

  it('pages with the cursor: every edge once, in order, with a stable total', async () => {
    const all = (await neighbors('deal:cecot-access-for-ms13-leaders')).body;
    expect(all.total).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: NeighborPage = (await neighbors('deal:cecot-access-for-ms13-leaders', `limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(all.total);
      seen.push(...page.edges.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    }
    expect(seen).toEqual(all.edges.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.total / 2));
  });

  it('answers 404 for an unknown node', async () => {
    const { status, body } = await neighbors('person:nobody');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['direction=sideways', 'query.direction'],
    ['limit=0', 'query.limit'],
    ['limit=501', 'query.limit'],
    ['limit=1.5', 'query.limit'],
    ['types=member_of', 'query.types.0'],
    ['types=MEMBER_OF,`x`', 'query.types.1'],
    ['cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ['cursor=%21%21', 'query.cursor'],
  ])('answers 400 to ?%s, naming %s', async (query, where) => {
    const { status, body } = await getJson<ErrorBody>(`${api.url}/nodes/${enc(RUBIO)}/neighbors?${query}`);
    expect(status).toBe(400);
    expect(body.error.details.map((d) => d.where)).toEqual([where]);
  });
});
