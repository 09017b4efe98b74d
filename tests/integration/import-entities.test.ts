/** GET /api/changes/:id/entities: what an import brought, to put on the canvas (the app's "Show on canvas"). */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiError, Change, ImportSummary } from '../../shared/contract/index.js';
import type { ImportEntities } from '../../shared/contract/reporting.js';
import { postImport } from '../support/export-api.js';
import { useReportingApi } from '../support/reporting-api.js';
import { resetToSeed } from '../support/test-db.js';

const DONATIONS = readFileSync('/work/shared/data/ftm/donations.ijson', 'utf8');
const LINES = DONATIONS.split('\n').filter(Boolean);
const { db, api, url } = useReportingApi();
const importFtm = async (file: string, name: string) => (await postImport<ImportSummary>(`${url()}/api`, file, `?filename=${name}&dataset=donations`)).body;
const entitiesOf = (change: string, query = '') => api<ImportEntities & ApiError>(`/changes/${encodeURIComponent(change)}/entities${query}`);

async function read(cypher: string, params: Record<string, unknown> = {}) {
  return (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject());
}

beforeEach(() => resetToSeed(db));

describe("an import's entities", () => {
  it('lists the first `limit` it created with the relationships among them, and how many there are in all', async () => {
    const { change } = await importFtm(DONATIONS, 'donations.ijson');
    const reply = await entitiesOf(change!, '?limit=50');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.total).toBe(184);
    expect(reply.body.nodes).toHaveLength(50);
    const ids = reply.body.nodes.map((n) => n.id);
    const stamped = await read('MATCH (n:Entity) WHERE n.id IN $ids AND n._createdByImport = $change RETURN count(n) AS n', { ids, change });
    expect(Number(stamped[0]!.n)).toBe(50);
    // Every relationship among them, and none to an entity left out; no bookkeeping on the wire.
    const among = await read('MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n', { ids });
    expect(reply.body.edges).toHaveLength(Number(among[0]!.n));
    expect(reply.body.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
    expect(reply.body.nodes.flatMap((n) => Object.keys(n.properties)).filter((k) => k.startsWith('_'))).toEqual([]);
    expect((await entitiesOf(change!)).body.nodes).toHaveLength(184);
  });

  it('counts the entities it changed too, and after its revert none it created', async () => {
    await importFtm(DONATIONS, 'donations.ijson');
    const donor = JSON.parse(LINES.find((l) => l.includes('"schema": "Person"'))!) as { id: string; properties: Record<string, string[]> };
    const changed = { ...donor, properties: { ...donor.properties, notes: ['donor since 2011'] } };
    const newcomer = { id: 'new-donor-1', schema: 'Person', properties: { name: ['Erika Neuspender'] } };
    const { change } = await importFtm(`${JSON.stringify(changed)}\n${JSON.stringify(newcomer)}\n`, 'update.ijson');
    const reply = await entitiesOf(change!);
    expect(reply.body.total).toBe(2);
    expect(reply.body.nodes.map((n) => n.properties.name).sort()).toEqual(['Erika Neuspender', donor.properties.name![0]].sort());

    const reverted = await api<Change>(`/changes/${encodeURIComponent(change!)}/revert`, 'POST');
    expect(reverted.status).toBe(201);
    expect((await entitiesOf(change!)).body.nodes.map((n) => n.properties.name)).toEqual([donor.properties.name![0]]);
    const notImport = await entitiesOf(reverted.body.id);
    expect(notImport.status).toBe(400);
    expect(notImport.body.error.details).toEqual([{ where: 'id', message: 'is a change of kind revert' }]);
  });

  it('answers 404 for an unknown change and 400 for a limit out of range', async () => {
    expect((await entitiesOf('change:nope')).status).toBe(404);
    const { change } = await importFtm(LINES.slice(0, 5).join('\n'), 'five.ijson');
    const bad = await entitiesOf(change!, '?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]!.where).toContain('limit');
  });
});
