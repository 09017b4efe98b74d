import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaSummarySchema, type NeighborPage, type SchemaSummary, type SubgraphResult } from '../../shared/contract/index.js';
import { enc, postJson, rows, useSeededApi } from '../support/explore-api.js';
import { getJson } from '../support/test-app.js';

const api = useSeededApi();

// Non-content data next to the graph (say, saved views) must stay out of the schema and the explorer.
beforeAll(async () => {
  await api.db.driver.executeQuery(
    `MATCH (rubio:Entity {id: 'person:marco-rubio'})
     CREATE (:Scratch {id: 'test:scratch', scratchOnly: true})-[:SCRATCH_LINK {id: 'rel:test-scratch', scratchWeight: 1}]->(rubio)`,
  );
});
afterAll(async () => {
  await api.db.driver.executeQuery('MATCH (x:Scratch) DETACH DELETE x');
});

describe('GET /api/schema', () => {
  it('lists node kinds and relationship types with their counts and property keys', async () => {
    const { status, body } = await getJson<SchemaSummary>(`${api.url}/schema`);
    expect(status).toBe(200);
    SchemaSummarySchema.parse(body);

    const kinds = await rows<{ label: string; count: number }>(
      api.db,
      'MATCH (n:Entity) UNWIND [l IN labels(n) WHERE l <> "Entity"] AS label RETURN label, count(*) AS count ORDER BY label',
    );
    expect(body.labels.map(({ label, count }) => ({ label, count }))).toEqual(kinds);
    const types = await rows<{ type: string; count: number }>(api.db, 'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS count ORDER BY type');
    expect(body.relationshipTypes.map(({ type, count }) => ({ type, count }))).toEqual(types);

    const person = body.labels.find((l) => l.label === 'Person');
    expect(person?.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'position', 'evidence']));
    const agreed = body.relationshipTypes.find((t) => t.type === 'AGREED_TO');
    expect(agreed).toMatchObject({ count: 1, propertyKeys: expect.arrayContaining(['id', 'evidence', 'date', 'despite']) });
    expect(body.propertyKeys).toEqual([...body.propertyKeys].sort());
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases', 'date']));
  });

  it('leaves out evidence and every other non-content node and relationship', async () => {
    const { body } = await getJson<SchemaSummary>(`${api.url}/schema`);
    const labels = body.labels.map((l) => l.label);
    for (const hidden of ['Entity', 'Evidence', 'Scratch']) expect(labels).not.toContain(hidden);
    expect(body.relationshipTypes.map((t) => t.type)).not.toContain('SCRATCH_LINK');
    for (const key of ['quote', 'attribution', 'claims', 'sourceId', 'scratchOnly', 'scratchWeight']) expect(body.propertyKeys).not.toContain(key);
  });
});

describe('non-content nodes elsewhere in the explorer', () => {
  it('are not neighbours, and a subgraph does not include them', async () => {
    const { body } = await getJson<NeighborPage>(`${api.url}/nodes/${enc('person:marco-rubio')}/neighbors?limit=500`);
    expect(body.nodes.map((n) => n.id)).not.toContain('test:scratch');
    expect(body.edges.map((e) => e.type)).not.toContain('SCRATCH_LINK');
    const sub = await postJson<SubgraphResult>(`${api.url}/subgraph`, { ids: ['person:marco-rubio', 'test:scratch'] });
    expect(sub.body.missing).toEqual(['test:scratch']);
  });
});
