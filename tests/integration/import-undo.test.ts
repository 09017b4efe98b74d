/**
 * Streamed imports commit chunk by chunk (server/services/import/stream/chunked-import.ts) and stay all or nothing:
 * a failure undoes the chunks already committed, bookkeeping included, and an import left half-done by a process that
 * died is undone by the next streamed import.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/contract/index.js';
import { takeSnapshot } from '../../server/services/reporting/snapshot.js';
import { lastEvent, postImportStream } from '../support/import-stream.js';
import { useReportingApi } from '../support/reporting-api.js';
import { resetToSeed } from '../support/test-db.js';

const DONATIONS = readFileSync('/work/shared/data/ftm/donations.ijson', 'utf8');
const LINES = DONATIONS.split('\n').filter(Boolean);
const { db, url } = useReportingApi();
/** Streamed (the NDJSON reply): the import's last event. */
const importFtm = async (file: string, name: string, skipBadRows = false) =>
  lastEvent(await postImportStream(`${url()}/api`, file, `?filename=${name}&skipBadRows=${skipBadRows}`))!;
const summaryOf = (event: Awaited<ReturnType<typeof importFtm>>) => {
  if (event.type !== 'summary') throw new Error(JSON.stringify(event));
  return event.summary as ImportSummary;
};

async function read(cypher: string, params: Record<string, unknown> = {}) {
  return (await db.driver.executeQuery(cypher, params, { database: db.database })).records.map((r) => r.toObject());
}

/** Every node of any label and every relationship, with all properties: the bookkeeping shows here too. */
async function everything() {
  return {
    nodes: await read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p ORDER BY n.id, p.change'),
    edges: await read('MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS p ORDER BY r.id, source'),
  };
}

beforeEach(() => resetToSeed(db));

describe('a streamed import, chunk by chunk', () => {
  it('undoes the chunks it committed when a line is bad, and leaves no bookkeeping', async () => {
    const before = await everything();
    // The bad line comes last: the nodes pass commits its chunks before the import learns it must fail.
    const reply = await importFtm([...LINES, '{"id": "broken"'].join('\n'), 'with-a-bad-line.ijson');
    expect(reply).toMatchObject({ type: 'error', status: 400 });
    expect(reply.type === 'error' && reply.error.details).toEqual([expect.objectContaining({ where: `line ${LINES.length + 1}` })]);
    expect(await everything()).toEqual(before);
  });

  it('undoes an import a dead process left half-done, when the next one starts: created gone, changed put back', async () => {
    const first = summaryOf(await importFtm(LINES.slice(0, 200).join('\n'), 'first.ijson', true));
    const stamped = await read('MATCH (n:Entity {_createdByImport: $id}) RETURN count(n) AS n', { id: first.change });
    expect(Number(stamped[0]!.n)).toBeGreaterThan(0);
    // Its first 200 lines: payments whose ends come later are skipped. Then make it look like a process died mid-import: no changeset yet, an old heartbeat, and a seed node it changed.
    const rubio = 'person:marco-rubio';
    const original = await db.read((tx) => takeSnapshot(tx, { nodes: [rubio], edges: [], evidence: [] }));
    await read(
      `MATCH (c:_Change {id: $id}) DELETE c
       CREATE (:_ImportRun {id: $id, by: 'local', name: 'first.ijson', heartbeatAt: 0})
       CREATE (:_ImportBefore {change: $id, before: $before})
       WITH 1 AS one MATCH (n:Entity {id: $rubio}) SET n.role = 'changed by the dead import'`,
      { id: first.change, before: JSON.stringify(original), rubio },
    );

    const next = summaryOf(await importFtm(LINES.slice(300, 310).join('\n'), 'next.ijson', true));
    expect(await read('MATCH (n {_createdByImport: $id}) RETURN n.id AS id', { id: first.change })).toEqual([]);
    expect(await read('MATCH ()-[r {_createdByImport: $id}]->() RETURN r.id AS id', { id: first.change })).toEqual([]);
    expect(await read('MATCH (n) WHERE n:_ImportRun OR n:_ImportBefore RETURN n')).toEqual([]);
    expect(await db.read((tx) => takeSnapshot(tx, { nodes: [rubio], edges: [], evidence: [] }))).toEqual(original);
    // The next import itself stands.
    expect(Number((await read('MATCH (n {_createdByImport: $id}) RETURN count(n) AS n', { id: next.change }))[0]!.n)).toBeGreaterThan(0);
  });
});
