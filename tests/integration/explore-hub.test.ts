/**
 * A synthetic hub of 10,000 neighbours: 9,900 point at it through MEMBER_OF (a seed type, whose `r.id` is indexed),
 * 100 are pointed at through TEST_LINK (no index). Paging must serve each exactly once, in order, with the total,
 * and the first page must read about a page of the graph, not the whole neighbourhood.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeighborPage, NodeDetails } from '../../shared/contract/index.js';
import { planNeighborPage } from '../../server/services/neighbor-service.js';
import { enc, rows, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();
const HUB = 'test:hub';
const SIZE = 10_000;

beforeAll(async () => {
  await api.db.driver.executeQuery(
    `CREATE (hub:Entity:Person {id: $hub, name: 'Synthetic hub'})
     WITH hub
     UNWIND range(0, $size - 1) AS i
     CREATE (m:Entity:Person {id: 'test:hub-' + i, name: 'Member ' + i})
     FOREACH (_ IN CASE WHEN i % 100 = 0 THEN [1] ELSE [] END | CREATE (hub)-[:TEST_LINK {id: 'rel:test-hub-link-' + i}]->(m))
     FOREACH (_ IN CASE WHEN i % 100 = 0 THEN [] ELSE [1] END | CREATE (m)-[:MEMBER_OF {id: 'rel:test-hub-member-' + i}]->(hub))`,
    { hub: HUB, size: SIZE },
  );
});
afterAll(async () => {
  await api.db.driver.executeQuery(`MATCH (n:Entity) WHERE n.id STARTS WITH 'test:hub' DETACH DELETE n`);
});

async function page(query: string): Promise<NeighborPage> {
  const { status, body } = await getJson<NeighborPage>(`${api.url}/nodes/${enc(HUB)}/neighbors?${query}`);
  expect(status).toBe(200);
  return body;
}

async function pageThrough(query: string): Promise<{ edges: string[]; nodes: string[]; pages: number; totals: Set<number> }> {
  const edges: string[] = [];
  const nodes: string[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const body: NeighborPage = await page(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
    edges.push(...body.edges.map((e) => e.id));
    nodes.push(...body.nodes.map((n) => n.id));
    totals.add(body.total);
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  return { edges, nodes, pages, totals };
}

describe('paging through a hub of 10,000 neighbours', () => {
  it('serves every neighbour exactly once, in relationship-id order, with total = 10,000', async () => {
    const { edges, nodes, pages, totals } = await pageThrough('limit=500');
    expect([...totals]).toEqual([SIZE]);
    expect(pages).toBe(SIZE / 500);
    expect(nodes).toHaveLength(SIZE);
    expect(new Set(nodes).size).toBe(SIZE);
    expect(new Set(nodes)).toEqual(new Set(Array.from({ length: SIZE }, (_, i) => `test:hub-${i}`)));
    expect(edges).toEqual([...edges].sort());
  });

  it('pages each direction and type on its own, through the index and by expansion alike', async () => {
    const members = await pageThrough('direction=in&types=MEMBER_OF&limit=300');
    expect([...members.totals]).toEqual([SIZE - 100]);
    expect(new Set(members.nodes).size).toBe(SIZE - 100);
    expect(members.edges.every((id) => id.startsWith('rel:test-hub-member-'))).toBe(true);

    const links = await pageThrough('direction=out&limit=30');
    expect([...links.totals]).toEqual([100]);
    expect(links.pages).toBe(4);
    expect(links.nodes).toEqual([...links.nodes].sort());
    expect(new Set(links.nodes)).toEqual(new Set(Array.from({ length: 100 }, (_, i) => `test:hub-${i * 100}`)));

    expect((await page('direction=out&types=MEMBER_OF')).total).toBe(0);
  });

  it('gives the same page whichever way it is read, from any cursor', async () => {
    const first = await page('limit=50');
    const second = await page(`limit=50&cursor=${first.nextCursor}`);
    const both = await page('limit=100');
    expect([...first.edges, ...second.edges]).toEqual(both.edges);
  });

  it('reads about a page of the graph for the first page and for a deep one, not the whole neighbourhood', async () => {
    const dbHits = async (cursor: { edgeId: string; nodeId: string } | null) =>
      api.db.read(async (tx) => {
        const plan = await planNeighborPage(tx, HUB, { types: [], direction: 'both', limit: 50, cursor });
        const result = await tx.run(`PROFILE ${plan.query!.text}`, plan.query!.parameters);
        expect(result.records[0]?.get('page')).toHaveLength(51);
        expect(result.records[0]?.get('cut')).toEqual([]);
        return totalDbHits(result.summary.profile as unknown as ProfileNode);
      });
    const firstPage = await dbHits(null);
    const deepPage = await dbHits({ edgeId: 'rel:test-hub-member-9000', nodeId: 'test:hub-9000' });
    // Expanding the whole neighbourhood would cost over 10,000 db hits (one per relationship, plus property reads).
    expect(firstPage).toBeLessThan(2_000);
    expect(deepPage).toBeLessThan(2_000);
  });

  it('reports the hub degree from the degree store', async () => {
    const { body } = await getJson<NodeDetails>(`${api.url}/nodes/${enc(HUB)}`);
    expect(body.degree).toEqual([
      { type: 'MEMBER_OF', direction: 'in', count: SIZE - 100 },
      { type: 'TEST_LINK', direction: 'out', count: 100 },
    ]);
    const [stored] = await rows<{ n: number }>(api.db, 'MATCH (:Entity {id: $id})--(m) RETURN count(m) AS n', { id: HUB });
    expect(stored?.n).toBe(SIZE);
  });
});

interface ProfileNode {
  dbHits: number;
  children: ProfileNode[];
}

function totalDbHits(node: ProfileNode): number {
  return node.dbHits + node.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}
