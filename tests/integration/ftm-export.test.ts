import { readFileSync } from 'node:fs';
import { Model, defaultModel, type Entity } from '@alephdata/followthemoney';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/contract/index.js';
import { allEntityIds, graphPicture, postExport, postImport } from '../support/export-api.js';
import { useSeededApi } from '../support/explore-api.js';
import { clearGraph, resetToSeed } from '../support/test-db.js';

const DONATIONS = readFileSync('tests/fixtures/ftm/donations.ijson', 'utf8');
const model = new Model(defaultModel);
const api = useSeededApi();

/** Each line through the FtM package's own parser (which throws on an unknown schema or property). */
const parseLines = (text: string): Entity[] => text.trimEnd().split('\n').map((line) => model.getEntity(JSON.parse(line)));

/** An entity as comparable data: schema and every property's values (as a set: a relationship's order is the graph's). */
function comparable(entity: Entity) {
  const properties = Object.fromEntries(entity.getProperties().map((p) => [p.name, entity.getProperty(p).map(String).sort()]));
  return { id: entity.id, schema: entity.schema.name, properties };
}
const byId = (entities: Entity[]) => entities.map(comparable).sort((a, b) => (a.id < b.id ? -1 : 1));

async function importText(text: string) {
  const reply = await postImport<ImportSummary>(api.url, text, '?filename=donations.ijson');
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

describe('export as FollowTheMoney JSON lines', () => {
  it('gives back every imported entity, schema and values as they came, read by the FtM model without errors', async () => {
    await clearGraph(api.db);
    await importText(DONATIONS);
    const file = await postExport(api.url, { format: 'ftm', ids: await allEntityIds(api.db) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(file.headers.get('content-disposition')).toMatch(/filename="threadline-export-[\d-]+\.ftm\.jsonl"/);
    const exported = parseLines(file.text);
    expect(exported).toHaveLength(474);
    expect(byId(exported)).toEqual(byId(parseLines(DONATIONS)));
  });

  it('imports its own export into an empty database as the same graph', async () => {
    await clearGraph(api.db);
    await importText(DONATIONS);
    const first = await graphPicture(api.db);
    const file = await postExport(api.url, { format: 'ftm', ids: await allEntityIds(api.db) });
    await clearGraph(api.db);
    const summary = await importText(file.text);
    expect(summary.changes.nodes.added).toBe(184);
    const again = await graphPicture(api.db);
    expect(again.nodes).toEqual(first.nodes);
    expect(again.edges).toEqual(first.edges);
    expect(again.evidence).toHaveLength(first.evidence.length);
  });

  it('exports the graph\'s own nodes as the FtM schema of their kind and its relationships as UnknownLinks', async () => {
    await resetToSeed(api.db);
    const ids = ['person:marco-rubio', 'person:nayib-bukele', 'org:us-state-department'];
    const file = await postExport(api.url, { format: 'ftm', ids });
    const entities = parseLines(file.text);
    const rubio = entities.find((e) => e.id === 'person:marco-rubio')!;
    expect(rubio.schema.name).toBe('Person');
    expect(rubio.getProperty('name')).toEqual(['Marco Rubio']);
    const links = entities.filter((e) => e.schema.name === 'UnknownLink');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(ids).toContain(link.getFirst('subject'));
      expect(ids).toContain(link.getFirst('object'));
      expect(link.getProperty('role')).toHaveLength(1);
    }
  });
});
