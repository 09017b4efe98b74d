/** The offline importer's files and command line (server/db/offline-import), without a Neo4j: what goes where. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArguments } from '../../server/db/offline-import/admin-import.js';
import { field, OfflineUnsupportedError } from '../../server/db/offline-import/csv-files.js';
import { OfflineRows } from '../../server/db/offline-import/offline-rows.js';

describe('offline import fields', () => {
  it('quotes texts, doubling quotes, and joins lists with U+001F', () => {
    expect(field('name', 'Ann "Q", Jr.')).toBe('"Ann ""Q"", Jr."');
    expect(field('count', 12)).toBe('12');
    expect(field('flags', [true, false])).toBe('"true\u001ffalse"');
  });

  it('refuses what the files cannot carry', () => {
    expect(() => field('aliases', ['a\u001fb'])).toThrow(OfflineUnsupportedError);
    expect(() => field('aliases', [''])).toThrow(OfflineUnsupportedError);
  });
});

describe('offline import rows', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'threadline-offline-unit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('puts rows whose types differ in groups of their own, line breaks in a multi-line file, and empty lists aside', async () => {
    const rows = new OfflineRows(dir);
    rows.add({
      nodes: [
        { id: 'person:a', labels: ['Person'], properties: { name: 'A', count: 3, evidence: [] } },
        { id: 'person:b', labels: ['Person'], properties: { name: 'B', count: 'three', note: 'one\ntwo' } },
      ],
      edges: [{ id: 'rel:a-b', type: 'KNOWS', source: 'person:a', target: 'person:b', properties: { evidence: ['evidence:x'], confidence: 'alleged' } }],
      evidence: [{ id: 'evidence:x', quote: 'q', start: 0, end: 1, attribution: 'A', confidence: 'fact', sourceId: 'source:s', claims: ['rel:a-b'], sourceVersion: 2 }],
    });
    const files = rows.close();
    expect(files.nodes).toHaveLength(3);
    expect(await readFile(files.nodes[0]!.files[0]!, 'utf8')).toBe('id:ID(Entity),:LABEL,name:string,count:double,note:string\n');
    expect(await readFile(files.nodes[1]!.files[0]!, 'utf8')).toBe('id:ID(Entity),:LABEL,name:string,count:string,note:string\n');
    expect(await readFile(files.nodes[1]!.multiline!, 'utf8')).toBe('"person:b","Entity\u001fPerson","B","three","one\ntwo"\n');
    expect(await readFile(files.nodes[0]!.files[1]!, 'utf8')).toBe('"person:a","Entity\u001fPerson\u001f_EmptyList_evidence","A",3,\n');
    expect(await readFile(files.nodes[2]!.files[0]!, 'utf8')).toContain('sourceVersion:long');
    // The quote's level, firmer than the one given.
    expect(await readFile(files.relationships[0]!.files[1]!, 'utf8')).toBe('"person:a","person:b","KNOWS","rel:a-b","evidence:x","fact"\n');
    expect(files.emptyLists).toEqual({ nodes: ['evidence'], relationships: [] });
    expect(files.counts).toEqual({ nodes: 2, relationships: 1, evidence: 1 });
  });

  it('names the database after a one-value option, so that no file list takes it for a file', () => {
    const args = importArguments({ nodes: [{ files: ['h.csv', 'n.csv'] }], relationships: [{ files: ['rh.csv', 'r.csv'] }], longestLine: 10, relationshipTypes: [], emptyLists: { nodes: [], relationships: [] }, counts: { nodes: 1, relationships: 1, evidence: 0 } }, dir);
    expect(args.slice(0, 5)).toEqual(['database', 'import', 'full', '--nodes=h.csv,n.csv', '--relationships=rh.csv,r.csv']);
    expect(args.at(-1)).toBe('neo4j');
    expect(args.at(-2)).toMatch(/^--report-file=/);
  });
});
