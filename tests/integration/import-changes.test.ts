/**
 * Imports as changesets (docs/reporting.md "Imports"): one `import` change in the feed per import, reverted by the
 * changes endpoint (what it created deleted, what it merged into put back), refused while a later change touches
 * them; imports follow merges; the reply counts the possible duplicates the import brought.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, ChangeList, DedupCandidates, ImportSummary, SheetImportSummary, WriteResult } from '../../shared/contract/index.js';
import { unjudgedCandidatesInvolving } from '../../server/services/dedup/open-candidates.js';
import { postImport } from '../support/export-api.js';
import type { ErrorBody } from '../support/explore-api.js';
import { lastEvent, postImportStream } from '../support/import-stream.js';
import { useReportingApi } from '../support/reporting-api.js';
import { DONATIONS_CSV, DONATIONS_MAPPING, postSheet } from '../support/sheet-api.js';
import { resetToSeed } from '../support/test-db.js';

const DONATIONS = readFileSync('/work/shared/data/ftm/donations.ijson', 'utf8');
const LINES = DONATIONS.split('\n').filter(Boolean);

const { db, api, url } = useReportingApi();
const importFtm = (file = DONATIONS, query = '?filename=donations.ijson') => postImport<ImportSummary & ErrorBody>(`${url()}/api`, file, query);
const revert = (id: string) => api<Change>(`/changes/${encodeURIComponent(id)}/revert`, 'POST');
const newest = async () => (await api<ChangeList>('/changes?limit=1')).body.changes[0]!;
const changeCount = async () => Number((await read('MATCH (c:_Change) RETURN count(c) AS n'))[0]!.n);

async function read(cypher: string, params: Record<string, unknown> = {}) {
  return (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject());
}

/** Every entity, relationship, evidence and redirect with every property as stored (bookkeeping marks included). */
async function dump() {
  return {
    nodes: (await read('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id')).map((n) => ({ ...n, labels: (n.labels as string[]).sort() })),
    edges: await read('MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS p ORDER BY id, source'),
    evidence: await read('MATCH (e:Evidence) RETURN properties(e) AS p ORDER BY e.id'),
    redirects: await read('MATCH (r:_Redirect) RETURN r.id AS id, r.to AS to ORDER BY id'),
  };
}

/** The fixture's entity with this id. */
const entityOf = (id: string) => JSON.parse(LINES.find((l) => l.includes(`"id": "${id}"`))!) as { id: string; schema: string; properties: Record<string, string[]> };
const DONOR = 'f9c295f21b233ac878fbac4d271bb6fd13d7952a';

beforeEach(() => resetToSeed(db));

describe('an import is one changeset', () => {
  it('appears in the feed with who and its counts, and reverting it gives back the graph exactly', async () => {
    const before = await dump();
    const reply = await importFtm();
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const change = await newest();
    expect(reply.body.change).toBe(change.id);
    expect(change).toMatchObject({ kind: 'import', by: 'local', revertedBy: null });
    expect(change.summary).toBe('Imported donations.ijson: nodes: 184 created, 0 merged, 0 unchanged; relationships: 393 created, 0 merged, 0 unchanged; quotes: 474 created, 0 merged, 0 unchanged');
    // The same counts, structured, for the app's "Undo this import" confirmation.
    expect(change.counts).toEqual({
      nodes: { created: 184, merged: 0, unchanged: 0 },
      edges: { created: 393, merged: 0, unchanged: 0 },
      evidence: { created: 474, merged: 0, unchanged: 0 },
    });
    // Nothing of the import's bookkeeping on the wire.
    const [created] = await read('MATCH (n:Entity {ftmSchema: "Person"}) RETURN n.id AS id LIMIT 1');
    const details = await api<{ node: { properties: Record<string, unknown> } }>(`/nodes/${encodeURIComponent(String(created!.id))}`);
    expect(Object.keys(details.body.node.properties).filter((k) => k.startsWith('_'))).toEqual([]);

    const reverted = await revert(change.id);
    expect(reverted.status, JSON.stringify(reverted.body)).toBe(201);
    expect(reverted.body).toMatchObject({ kind: 'revert', reverts: change.id, summary: `reverted: ${change.summary}`, counts: null });
    expect(await dump()).toEqual(before);
    // What the revert deleted is in no snapshot: reverting the revert would resurrect nothing, so it is refused.
    const again = await revert(reverted.body.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/import the file again/);
  });

  it('reverting an import that merged into existing nodes restores their old properties and deletes only what it created', async () => {
    expect((await importFtm()).status).toBe(200);
    const afterFirst = await dump();
    const person = entityOf(DONOR);
    const changed = { ...person, properties: { ...person.properties, nationality: ['de'], notes: ['donor since 2011'] } };
    const newcomer = { id: 'new-donor-1', schema: 'Person', properties: { name: ['Erika Neuspender'] } };
    const second = await importFtm(`${JSON.stringify(changed)}\n${JSON.stringify(newcomer)}\n`, '?filename=update.ijson&dataset=donations');
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.changes.nodes).toEqual({ added: 1, changed: 1, unchanged: 0 });
    const [stored] = await read('MATCH (n:Entity {ftmId: $id}) RETURN n.nationality AS nationality', { id: person.id });
    expect(stored!.nationality).toEqual(['de']);

    expect((await revert(second.body.change!)).status).toBe(201);
    expect(await dump()).toEqual(afterFirst);
    // The first import still reverts: the second one, undone, blocks nothing.
    expect((await revert((await api<ChangeList>('/changes?limit=10')).body.changes.find((c) => c.kind === 'import' && c.summary.startsWith('Imported donations.ijson'))!.id)).status).toBe(201);
  });

  it('is refused while a later edit touches an imported node, naming the edit; once the edit is reverted, it reverts', async () => {
    const reply = await importFtm();
    const [node] = await read('MATCH (n:Entity {ftmSchema: "Company"}) RETURN n.id AS id, n.name AS name ORDER BY n.id LIMIT 1');
    const edit = await api<WriteResult>(`/nodes/${encodeURIComponent(String(node!.id))}`, 'PATCH', { name: 'Renamed GmbH', because: { editorial: 'checked the register' }, base: { name: node!.name } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);

    const refused = await revert(reply.body.change!);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ where: 'params.id', message: edit.body.change.id }]);
    expect((await revert(edit.body.change.id)).status).toBe(201);
    expect((await revert(reply.body.change!)).status).toBe(201);
    expect(await read('MATCH (n:Entity) WHERE n.ftmId IS NOT NULL RETURN n')).toEqual([]);
  });

  it('a failed or previewed import records no change', async () => {
    const changes = await changeCount();
    const failed = await postImportStream(`${url()}/api`, `${LINES.slice(0, 20).join('\n')}\n{"id": "broken"\n`, '?format=ftm');
    expect(lastEvent(failed)?.type).toBe('error');
    expect((await importFtm(DONATIONS, '?preview=true')).body.written).toBe(false);
    expect(await changeCount()).toBe(changes);
  });

  it('streamed and spreadsheet imports are changesets too', async () => {
    const streamed = await postImportStream(`${url()}/api`, DONATIONS, '?format=ftm&filename=donations.ijson');
    const summary = (lastEvent(streamed) as { summary: ImportSummary }).summary;
    expect(summary.change).toBe((await newest()).id);
    const sheet = await postSheet<SheetImportSummary>(`${url()}/api`, 'import', DONATIONS_CSV, { mapping: DONATIONS_MAPPING, filename: 'donations.csv' });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
    expect(await newest()).toMatchObject({ id: sheet.body.change, kind: 'import', summary: expect.stringMatching(/^Imported donations\.csv: nodes: \d+ created/) });
  });
});

describe('imports follow merges', () => {
  it('importing the file again after a dedup "same" writes onto the survivor and changes nothing', async () => {
    const first = await importFtm();
    expect(first.body.possibleDuplicates).toBe(17);
    const { pairs } = (await api<DedupCandidates>('/dedup/candidates?limit=1')).body;
    const pair = pairs[0]!;
    const judged = await api('/dedup/judgements', 'POST', { a: pair.a.node.id, b: pair.b.node.id, judgement: 'same' });
    expect(judged.status, JSON.stringify(judged.body)).toBe(201);
    const merged = await dump();

    const started = performance.now();
    const again = await importFtm();
    const ms = performance.now() - started;
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.changes.nodes.added).toBe(0);
    expect(again.body.changes.edges.added).toBe(0);
    expect(again.body.changes.evidence.added).toBe(0);
    expect(await dump()).toEqual(merged);
    expect(await read('MATCH (n:Entity {id: $id}) RETURN n', { id: pair.merge.from.id })).toEqual([]);
    // The pair judged is no longer open (nor those of the entity merged away); the others still are, the seed's 2 aside.
    const open = (await api<DedupCandidates>('/dedup/candidates?limit=1')).body.total;
    expect(again.body.possibleDuplicates).toBe(open - 2);
    expect(again.body.possibleDuplicates).toBeLessThan(17);
    const counted = performance.now();
    await unjudgedCandidatesInvolving(db, new Set((await read('MATCH (n:Entity) WHERE n.ftmId IS NOT NULL RETURN n.id AS id')).map((r) => String(r.id))));
    console.log(`re-import of donations.ijson: ${Math.round(ms)} ms, of which counting the possible duplicates ${Math.round(performance.now() - counted)} ms`);
  });
});
