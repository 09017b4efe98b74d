/**
 * The offline first load (server/db/offline-import) gives the graph the transactional writer gives: the shipped seed
 * plus a file of awkward values (quotes, commas, line breaks, empty lists and texts, numbers, booleans) and rows only
 * datasets write (a record, a quote of an older source version), loaded both ways, compared element by element with
 * every property's value and type. The offline side runs a local Neo4j of its own, since the importer stops it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrepared, schemaStatements, type PreparedSeed } from '../../server/db/graph-writer.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/db/local-neo4j.js';
import { connect, type Database } from '../../server/db/neo4j.js';
import { isDatabaseEmpty, loadOffline } from '../../server/db/offline-import/offline-load.js';
import { defaultSeedFiles, loadSeedFiles } from '../../server/services/seed/shipped-seeds.js';
import { freePort } from '../../scripts/free-port.js';
import { clearGraph, testDb } from '../support/test-db.js';

const TEXT = 'She said "yes", then left.\nLine two has a comma, a semicolon; and a tab\there.\nZoë “One” signed.';

const fixture = {
  version: 1,
  sources: [{ id: 'source:offline-fixture', labels: ['Source'], textFile: 'offline-fixture.txt', properties: { name: 'Fixture, with "quotes"', year: 2024, score: 0.25 } }],
  nodes: [
    {
      id: 'person:offline-one',
      labels: ['Person'],
      properties: { name: 'Zoë “One”, Jr.', aliases: [], counts: [1, 2.5], active: true, note: 'line one\nline two', empty: '' },
      evidence: [{ quote: 'Zoë “One” signed', attribution: 'Fixture', confidence: 'alleged', source: 'source:offline-fixture' }],
    },
    { id: 'org:offline-two', labels: ['Organization', 'Group'], properties: { name: 'Two', count: 12, approximate: false } },
  ],
  edges: [
    {
      id: 'rel:offline-one-two',
      type: 'WORKS_FOR',
      source: 'person:offline-one',
      target: 'org:offline-two',
      properties: { since: 2019, role: 'a,b;c' },
      evidence: [
        { quote: 'She said "yes"', attribution: 'Fixture', confidence: 'alleged', source: 'source:offline-fixture' },
        { quote: 'a comma, a semicolon; and a tab\there', attribution: 'Fixture', confidence: 'named-source', source: 'source:offline-fixture' },
      ],
    },
  ],
};

/** Rows only dataset imports and corrections write: a record, a quote of an older version, a list left empty. */
function withDatasetRows(prepared: PreparedSeed): PreparedSeed {
  return {
    ...prepared,
    records: [{ id: 'record:offline:1', dataset: 'offline', file: null, recordId: '1', schema: 'Person', importedAt: '2026-01-01T00:00:00Z', importedBy: 'cli:test', sourceUrl: [], publisher: ['Registry'], proof: [], claims: ['rel:offline-extra'] }],
    evidence: [...prepared.evidence, { id: 'evidence:offline-fixture:0-3:fact', quote: 'She', start: 0, end: 3, attribution: 'Fixture', confidence: 'fact', sourceId: 'source:offline-fixture', claims: ['rel:offline-extra'], sourceVersion: 2 }],
    edges: [...prepared.edges, { id: 'rel:offline-extra', type: 'MET_WITH', source: 'org:offline-two', target: 'person:offline-one', properties: { evidence: ['record:offline:1', 'evidence:offline-fixture:0-3:fact'], flags: [true, false], tags: [] } }],
  };
}

/** Every element with its labels or type, its ends, and each property as [name, type, value], in a fixed order. */
async function dump(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const props = (v: string) => `[k IN keys(${v}) | [k, valueType(${v}[k]), ${v}[k]]]`;
  const run = async (query: string) => (await db.driver.executeQuery(query, {}, { database: db.database })).records.map((r) => JSON.stringify(r.toObject(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  const nodes = await run(`MATCH (n) WITH n, ${props('n')} AS props UNWIND props AS p WITH n, p ORDER BY p[0] RETURN n.id AS id, labels(n) AS labels, collect(p) AS props`);
  const relationships = await run(`MATCH (a)-[r]->(b) WITH a, r, b, ${props('r')} AS props UNWIND props AS p WITH a, r, b, p ORDER BY p[0] RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, collect(p) AS props`);
  return { nodes: nodes.map(sortLabels).sort(), relationships: relationships.sort() };
}

const sortLabels = (json: string) => {
  const row = JSON.parse(json) as { labels: string[] };
  return JSON.stringify({ ...row, labels: [...row.labels].sort() });
};

describe('offline first load', () => {
  const transactionalDb = testDb();
  let dataDir: string;
  let local: LocalNeo4j;
  let offlineDb: Database;
  let files: string[];
  const progress: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'threadline-offline-test-'));
    await writeFile(path.join(dataDir, 'offline-fixture.txt'), TEXT);
    await writeFile(path.join(dataDir, 'offline-fixture.json'), JSON.stringify(fixture));
    files = [...defaultSeedFiles(), path.join(dataDir, 'offline-fixture.json')];
    local = await startLocalNeo4j({ dataDir: path.join(dataDir, 'db'), host: '127.0.0.1', port: await freePort(), pageCacheMb: 128, heapMb: 768, password: 'threadline-offline-password' });
    offlineDb = connect(local);
    await clearGraph(transactionalDb);
    await loadSeedFiles(transactionalDb, files, { write: (db, prepared, p) => loadPrepared(db, withDatasetRows(prepared), p) });
  }, 300_000);

  afterAll(async () => {
    await offlineDb?.close();
    await local?.stop();
    await transactionalDb.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads into the stopped database and restarts it with the same graph as the transactional path', async () => {
    expect(await isDatabaseEmpty(offlineDb)).toBe(true);
    const loaded = await loadSeedFiles(offlineDb, files, { write: (db, prepared) => loadOffline(db, local, [withDatasetRows(prepared)], (m) => progress.push(m)) });
    expect(loaded.evidence).toBeGreaterThan(20);
    expect(progress.some((m) => m.includes('Node import'))).toBe(true);

    const [offline, transactional] = await Promise.all([dump(offlineDb), dump(transactionalDb)]);
    expect(offline.nodes.length).toBeGreaterThan(50);
    expect(offline.nodes.some((n) => n.includes('"Evidence"') && n.includes('"quote"'))).toBe(true);
    expect(offline.nodes).toEqual(transactional.nodes);
    expect(offline.relationships).toEqual(transactional.relationships);
  }, 600_000);

  it('leaves the schema the app sets up online, and answers searches', async () => {
    const types = (await offlineDb.driver.executeQuery('MATCH ()-[r]->() RETURN collect(DISTINCT type(r)) AS types')).records[0]!.get('types') as string[];
    const wanted = schemaStatements(types).map((s) => /^CREATE \w+(?: INDEX)? (\w+)/.exec(s)![1]);
    const { records } = await offlineDb.driver.executeQuery('SHOW INDEXES YIELD name, owningConstraint, state RETURN coalesce(owningConstraint, name) AS name, state');
    const online = records.filter((r) => r.get('state') === 'ONLINE').map((r) => r.get('name') as string);
    expect(online).toEqual(expect.arrayContaining(wanted));
    const found = await offlineDb.driver.executeQuery(`CALL db.index.fulltext.queryNodes('entity_search', 'Rubio') YIELD node RETURN node.id AS id`);
    expect(found.records.map((r) => r.get('id'))).toContain('person:marco-rubio');
  });
});
