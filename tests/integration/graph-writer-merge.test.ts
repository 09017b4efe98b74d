import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureSchema, loadPreparedInChunks, MissingEndsError, writeRows, type EdgeRow, type NodeRow, type PreparedSeed } from '../../server/db/graph-writer.js';
import { RELATIONSHIP_ID_PREFIX } from '../../shared/model/graph-model.js';
import { clearGraph, testDb } from '../support/test-db.js';

const db = testDb();
afterAll(async () => {
  await clearGraph(db);
  await db.driver.executeQuery(`DROP CONSTRAINT ${RELATIONSHIP_ID_PREFIX}writer_knows IF EXISTS`);
  await db.close();
});

const node = (id: string): NodeRow => ({ id, labels: ['Person'], properties: { name: id } });
const edge = (id: string, source: string, target: string, evidence: string[]): EdgeRow => ({
  id, type: 'WRITER_KNOWS', source, target, properties: { evidence, note: `from ${evidence.join('+')}` },
});
const rows = (edges: EdgeRow[], nodes: NodeRow[] = []): PreparedSeed => ({ nodes, edges, evidence: [] });

async function stored(): Promise<{ id: string; evidence: string[]; note: string; stamp: string | null }[]> {
  const { records } = await db.driver.executeQuery(
    'MATCH ()-[r:WRITER_KNOWS]->() RETURN r.id AS id, r.evidence AS evidence, r.note AS note, r._createdByImport AS stamp ORDER BY id',
  );
  return records.map((r) => r.toObject() as { id: string; evidence: string[]; note: string; stamp: string | null });
}

describe('the relationship writer, into an empty database and into one that holds relationships', () => {
  beforeEach(async () => {
    await clearGraph(db);
    await ensureSchema(db, ['WRITER_KNOWS']);
  });

  it('merges a relationship written twice in one transaction into an empty database: one relationship, lists united', async () => {
    await db.write(async (tx) => {
      await writeRows(tx, rows([edge('rel:ab', 'person:a', 'person:b', ['q1'])], [node('person:a'), node('person:b')]), 'change:1');
      await writeRows(tx, rows([edge('rel:ab', 'person:a', 'person:b', ['q2'])]), 'change:1');
    });
    expect(await stored()).toEqual([{ id: 'rel:ab', evidence: ['q1', 'q2'], note: 'from q2', stamp: 'change:1' }]);
  });

  it('loading the same rows again leaves the same graph, and a later load adds to it without stamping what it did not create', async () => {
    const first = rows([edge('rel:ab', 'person:a', 'person:b', ['q1']), edge('rel:bc', 'person:b', 'person:c', ['q1'])], ['a', 'b', 'c'].map((x) => node(`person:${x}`)));
    await db.write((tx) => writeRows(tx, first, 'change:1'));
    const once = await stored();
    await db.write((tx) => writeRows(tx, first, 'change:2'));
    expect(await stored()).toEqual(once);
    await db.write((tx) => writeRows(tx, rows([edge('rel:bc', 'person:b', 'person:c', ['q3']), edge('rel:ca', 'person:c', 'person:a', ['q3'])]), 'change:3'));
    expect(await stored()).toEqual([
      { id: 'rel:ab', evidence: ['q1'], note: 'from q1', stamp: 'change:1' },
      { id: 'rel:bc', evidence: ['q1', 'q3'], note: 'from q3', stamp: 'change:1' },
      { id: 'rel:ca', evidence: ['q3'], note: 'from q3', stamp: 'change:3' },
    ]);
  });

  it('refuses relationships whose ends are missing, whether the database holds relationships or not, and keeps nothing', async () => {
    const orphan = rows([edge('rel:ax', 'person:a', 'person:missing', ['q1'])], [node('person:a')]);
    await expect(db.write((tx) => writeRows(tx, orphan))).rejects.toBeInstanceOf(MissingEndsError);
    await db.write((tx) => writeRows(tx, rows([edge('rel:ab', 'person:a', 'person:b', ['q1'])], [node('person:a'), node('person:b')])));
    await expect(db.write((tx) => writeRows(tx, orphan))).rejects.toBeInstanceOf(MissingEndsError);
    expect((await stored()).map((r) => r.id)).toEqual(['rel:ab']);
  });

  it('refuses an id that exists between other ends (the type’s uniqueness constraint), rather than moving it', async () => {
    await db.write((tx) => writeRows(tx, rows([edge('rel:ab', 'person:a', 'person:b', ['q1'])], ['a', 'b', 'c'].map((x) => node(`person:${x}`)))));
    await expect(db.write((tx) => writeRows(tx, rows([edge('rel:ab', 'person:a', 'person:c', ['q2'])])))).rejects.toThrow(/already exists|constraint/i);
    expect(await stored()).toEqual([{ id: 'rel:ab', evidence: ['q1'], note: 'from q1', stamp: null }]);
  });

  it('a chunked load into an empty database merges a node or relationship its later chunks repeat, and loaded again leaves the same graph', async () => {
    const named = (id: string, aliases: string[]): NodeRow => ({ ...node(id), properties: { name: id, aliases } });
    const chunks = (): PreparedSeed[] => [
      { nodes: [named('person:a', ['x']), node('person:b'), node('person:c')], edges: [], evidence: [] },
      { nodes: [named('person:a', ['y'])], edges: [edge('rel:ab', 'person:a', 'person:b', ['q1'])], evidence: [] },
      rows([edge('rel:ab', 'person:a', 'person:b', ['q2']), edge('rel:bc', 'person:b', 'person:c', ['q2'])]),
    ];
    const nodes = async () =>
      (await db.driver.executeQuery('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n.aliases AS aliases ORDER BY id')).records.map((r) => r.toObject());
    await loadPreparedInChunks(db, chunks(), ['WRITER_KNOWS']);
    const once = { nodes: await nodes(), relationships: await stored() };
    expect(once.nodes).toEqual([
      { id: 'person:a', labels: expect.arrayContaining(['Entity', 'Person']), aliases: ['x', 'y'] },
      { id: 'person:b', labels: expect.arrayContaining(['Entity', 'Person']), aliases: null },
      { id: 'person:c', labels: expect.arrayContaining(['Entity', 'Person']), aliases: null },
    ]);
    expect(once.relationships).toEqual([
      { id: 'rel:ab', evidence: ['q1', 'q2'], note: 'from q2', stamp: null },
      { id: 'rel:bc', evidence: ['q2'], note: 'from q2', stamp: null },
    ]);
    await loadPreparedInChunks(db, chunks(), ['WRITER_KNOWS']);
    expect({ nodes: await nodes(), relationships: await stored() }).toEqual(once);
  });

  it('a chunked load into an empty database refuses a later chunk’s relationship whose end is missing', async () => {
    const chunks = [rows([], [node('person:a'), node('person:b')]), rows([edge('rel:ab', 'person:a', 'person:b', ['q1'])]), rows([edge('rel:ax', 'person:a', 'person:missing', ['q1'])])];
    await expect(loadPreparedInChunks(db, chunks, ['WRITER_KNOWS'])).rejects.toBeInstanceOf(MissingEndsError);
    expect((await stored()).map((r) => r.id)).toEqual(['rel:ab']);
  });
});
