import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../server/services/export/index.js';
import { DEFAULT_LIMITS } from '../../server/services/queries/cypher-runner.js';
import { call, startAuthServer, userWithToken } from '../support/auth.js';
import { allEntityIds, postExport } from '../support/export-api.js';
import { testLoginDb } from '../support/test-db.js';
import { rows, useSeededApi, type ErrorBody } from '../support/explore-api.js';

const api = useSeededApi();

interface ThreadlineJson {
  format: string;
  version: number;
  nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; properties: { evidence: string[] } }[];
  evidence: { id: string; sourceId: string; quote: string }[];
  sources: { id: string; properties: { text?: string } }[];
}

const THREE = ['person:marco-rubio', 'person:nayib-bukele', 'deal:cecot-access-for-ms13-leaders'];

describe('POST /api/export', () => {
  it('answers with a download: content type, a file name with the title and date, and the evidence and sources behind each edge', async () => {
    const file = await postExport(api.url, { format: 'json', ids: THREE, options: { title: 'Rubio & Bukele: the deal' } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="threadline-rubio-bukele-the-deal-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(file.text) as ThreadlineJson;
    expect(data).toMatchObject({ format: 'threadline-graph', version: 1 });
    expect(data.nodes.map((n) => n.id).sort()).toEqual([...THREE].sort());
    const expected = await rows<{ id: string }>(api.db, 'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id ORDER BY id', { ids: THREE });
    expect(data.edges.map((e) => e.id)).toEqual(expected.map((r) => r.id));
    const evidenceIds = new Set(data.evidence.map((e) => e.id));
    for (const edge of data.edges) for (const id of edge.properties.evidence) expect(evidenceIds.has(id), id).toBe(true);
    const sources = new Map(data.sources.map((s) => [s.id, s]));
    for (const quote of data.evidence) expect(sources.get(quote.sourceId)?.properties.text).toContain(quote.quote);
  });

  it('exports the result of a saved query run with parameters', async () => {
    const created = await fetch(`${api.url}/queries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Export test: path',
        cypher: 'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH path = shortestPath((a)-[*..8]-(b)) RETURN path',
        parameters: [{ name: 'from', type: 'nodeId', required: true }, { name: 'to', type: 'nodeId', required: true }],
      }),
    });
    const { id } = (await created.json()) as { id: string };
    const params = { from: 'person:marco-rubio', to: 'person:cesar-lopez-larios' };
    const run = (await (await fetch(`${api.url}/queries/${id}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params }) })).json()) as { graph: { nodes: { id: string }[]; edges: { id: string }[] } };
    const file = await postExport(api.url, { format: 'json', queryId: id, params });
    expect(file.status).toBe(200);
    const data = JSON.parse(file.text) as ThreadlineJson;
    expect(data.nodes.map((n) => n.id).sort()).toEqual(run.graph.nodes.map((n) => n.id).sort());
    expect(data.edges.map((e) => e.id).sort()).toEqual(run.graph.edges.map((e) => e.id).sort());
    expect(data.evidence.length).toBeGreaterThan(0);

    const bad = await postExport(api.url, { format: 'json', queryId: id, params: { from: 'person:nobody' } });
    expect(bad.status).toBe(400);
  });

  it('refuses a bad request, an unknown query, and more nodes than the cap', async () => {
    const both = await postExport(api.url, { format: 'json', ids: THREE, queryId: 'x' });
    expect(both.status).toBe(400);
    expect((JSON.parse(both.text) as ErrorBody).error.details[0]?.where).toBe('body.ids');
    expect((await postExport(api.url, { format: 'pdf', ids: THREE })).status).toBe(400);
    expect((await postExport(api.url, { format: 'json', queryId: 'no-such-query' })).status).toBe(404);
    await expect(exportGraph(api.db, { format: 'json', ids: THREE, options: {} }, { limits: DEFAULT_LIMITS, maxNodes: 2 })).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining('over the limit of 2'),
    });
  });
});

describe('GraphML and GEXF, read by graphology (an independent parser)', () => {
  it('GraphML: every node (sources included) and edge, with labels, kinds and typed properties', async () => {
    const ids = await allEntityIds(api.db);
    const file = await postExport(api.url, { format: 'graphml', ids, options: { positions: { 'person:marco-rubio': { x: 10, y: -20 } } } });
    expect(file.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const graph = parseGraphml(Graph, file.text);
    const [edgeCount] = await rows<{ n: number }>(api.db, 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    expect(graph.order).toBe(ids.length);
    expect(graph.size).toBe(edgeCount!.n);
    expect(graph.getNodeAttributes('person:marco-rubio')).toMatchObject({ label: 'Marco Rubio', name: 'Marco Rubio', labels: '["Person"]', position: 'Secretary of State', x: 10, y: -20 });
    const group = (await rows<{ id: string; count: number }>(api.db, 'MATCH (g:Group) WHERE g.count IS NOT NULL RETURN g.id AS id, g.count AS count LIMIT 1'))[0]!;
    expect(graph.getNodeAttribute(group.id, 'count')).toBe(group.count);
    const edge = graph.edges().find((e) => graph.getEdgeAttribute(e, 'type') === 'AGREED_TO')!;
    expect(graph.getEdgeAttribute(edge, 'label')).toBe('agreed to');
    const quotes = JSON.parse(graph.getEdgeAttribute(edge, 'quotes') as string) as { quote: string; attribution: string }[];
    expect(quotes[0]).toMatchObject({ quote: expect.any(String), attribution: expect.any(String) });
  });

  it('GEXF: counts, labels, typed attributes (lists as lists), colours and positions', async () => {
    const ids = await allEntityIds(api.db);
    const file = await postExport(api.url, { format: 'gexf', ids, options: { positions: { 'person:marco-rubio': { x: 10, y: 20 } } } });
    expect(file.status).toBe(200);
    const graph = parseGexf(Graph, file.text);
    const [edgeCount] = await rows<{ n: number }>(api.db, 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    expect(graph.order).toBe(ids.length);
    expect(graph.size).toBe(edgeCount!.n);
    expect(graph.getNodeAttributes('person:marco-rubio')).toMatchObject({ label: 'Marco Rubio', aliases: ['Little Marco'], color: 'rgb(37,99,235)', x: 10, y: -20 });
    const edge = graph.edges().find((e) => graph.getEdgeAttribute(e, 'kind') === 'AGREED_TO')!;
    expect(graph.getEdgeAttributes(edge)).toMatchObject({ label: 'agreed to', confidence: expect.any(String), evidence: expect.any(Array) });
  });
});

describe('HTML', () => {
  it('is one self-contained page: Cytoscape inlined, the data as JSON with "<" escaped, no external resources', async () => {
    await api.db.driver.executeQuery("MATCH (n:Entity {id: 'person:marco-rubio'}) SET n.nickname = '</script><script>alert(1)</script>'");
    const file = await postExport(api.url, { format: 'html', ids: THREE, options: { title: '<b>Rubio</b>' } });
    await api.db.driver.executeQuery("MATCH (n:Entity {id: 'person:marco-rubio'}) REMOVE n.nickname");
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.text).not.toContain('alert(1)</script>');
    expect(file.text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(file.text).toContain('<title>&lt;b&gt;Rubio&lt;/b&gt;</title>');
    expect(file.text).toMatch(/<script type="application\/json" id="threadline-data">/);
    expect(file.text).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(file.bytes.length).toBeGreaterThan(400_000);
  });
});

describe('with logins on', () => {
  it('lets a viewer export nodes but not run a saved query through an export; an analyst may', async () => {
    const loginDb = testLoginDb();
    const server = await startAuthServer(api.db, loginDb);
    try {
      const viewer = await userWithToken(loginDb, 'viewer', 'export-viewer');
      const analyst = await userWithToken(loginDb, 'analyst', 'export-analyst');
      const byIds = await call(`${server.url}/api/export`, { token: viewer, body: { format: 'json', ids: THREE } });
      expect(byIds.status).toBe(200);
      const { id } = (await (await fetch(`${api.url}/queries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Export test: Rubio', cypher: "MATCH (n:Entity {id: 'person:marco-rubio'}) RETURN n" }) })).json()) as { id: string };
      const asViewer = await call<ErrorBody>(`${server.url}/api/export`, { token: viewer, body: { format: 'json', queryId: id } });
      expect(asViewer.status).toBe(403);
      expect(asViewer.body.error.message).toContain('analyst role');
      expect((await call(`${server.url}/api/export`, { token: analyst, body: { format: 'json', queryId: id } })).status).toBe(200);
      expect((await call(`${server.url}/api/import?preview=true`, { token: viewer, body: '{}' })).status).toBe(403);
    } finally {
      await server.close();
      await loginDb.close();
    }
  });
});
