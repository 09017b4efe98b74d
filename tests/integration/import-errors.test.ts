import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/neo4j.js';
import { importFile } from '../../server/services/import/index.js';
import { postExport, postImport } from '../support/export-api.js';
import { rows, useSeededApi, type ErrorBody } from '../support/explore-api.js';
import { counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
const THREE = ['person:marco-rubio', 'person:nayib-bukele', 'person:cesar-lopez-larios'];

beforeEach(() => resetToSeed(api.db));

async function refused(file: Uint8Array | string, query = '') {
  const before = await counts(api.db);
  const reply = await postImport<ErrorBody>(api.url, file, query);
  expect(reply.status).toBe(400);
  expect(await counts(api.db)).toEqual(before);
  return reply.body.error;
}

describe('CSV export', () => {
  it('neutralises formula cells, keeps accents (UTF-8 with a BOM), and imports the original text back', async () => {
    await api.db.driver.executeQuery(`MATCH (n:Entity {id: 'person:marco-rubio'}) SET n.name = '=HYPERLINK("http://x","y")'`);
    const file = await postExport(api.url, { format: 'csv', ids: THREE });
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect(file.headers.get('content-disposition')).toMatch(/filename="threadline-export-[\d-]+\.zip"/);
    const zip = unzipSync(file.bytes);
    expect(Object.keys(zip).sort()).toEqual(['edges.csv', 'evidence.csv', 'nodes.csv', 'sources.csv']);
    for (const data of Object.values(zip)) expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nodes = strFromU8(zip['nodes.csv']!);
    expect(nodes).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(nodes).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(nodes).toContain('César López Larios');

    await api.db.driver.executeQuery(`MATCH (n:Entity {id: 'person:marco-rubio'}) SET n.name = 'Marco Rubio'`);
    expect((await postImport(api.url, file.bytes)).status).toBe(200);
    const [rubio] = await rows<{ name: string }>(api.db, `MATCH (n:Entity {id: 'person:marco-rubio'}) RETURN n.name AS name`);
    expect(rubio?.name).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('POST /api/import', () => {
  it('previews what would be created and what merged, writing nothing', async () => {
    const file = await postExport(api.url, { format: 'json', ids: THREE });
    const data = JSON.parse(file.text) as { nodes: { id: string; properties: Record<string, unknown> }[] };
    data.nodes.push({ id: 'person:new-colleague', labels: ['Person'], properties: { name: 'A new colleague' } } as never);
    const before = await counts(api.db);
    const preview = await postImport<{ written: boolean; nodes: { create: number; merge: number }; mergeIds: string[] }>(api.url, JSON.stringify(data), '?preview=true', 'application/json');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ written: false, nodes: { create: 1, merge: 4 } });
    expect(preview.body.mergeIds).toContain('person:marco-rubio');
    expect(await counts(api.db)).toEqual(before);
  });

  it('reads JSON bodies over the 1 MB limit of other routes (up to 25 MB) when they are sent to the import', async () => {
    const big = { format: 'threadline-graph', version: 1, nodes: [{ id: 'person:long-read', labels: ['Person'], properties: { name: 'Long read', description: 'x'.repeat(3_000_000) } }] };
    const preview = await postImport<{ nodes: { create: number } }>(api.url, JSON.stringify(big), '?preview=true', 'application/json');
    expect(preview.status).toBe(200);
    expect(preview.body.nodes.create).toBe(1);
    const tooBig = await postImport<ErrorBody>(api.url, 'x'.repeat(26 * 1024 * 1024), '?preview=true', 'application/json');
    expect(tooBig.status).toBe(413);
  });

  it('refuses broken XML, naming the line', async () => {
    const file = await postExport(api.url, { format: 'graphml', ids: THREE });
    const broken = file.text.replace('</node>', '</nod>');
    const error = await refused(broken);
    expect(error.message).toMatch(/^GraphML: line \d+, column \d+: not well-formed XML/);
  });

  it('refuses an edge to an unknown node, naming the element', async () => {
    const file = await postExport(api.url, { format: 'graphml', ids: THREE });
    const edgeId = /<edge id="([^"]+)" source="([^"]+)"/.exec(file.text)!;
    const broken = file.text.replace(`<edge id="${edgeId[1]}" source="${edgeId[2]}"`, `<edge id="${edgeId[1]}" source="person:nobody"`);
    const error = await refused(broken);
    expect(error.details[0]).toEqual({ where: `<edge id="${edgeId[1]}"> (edge 1)`, message: 'unknown node person:nobody: it is neither in the file nor in the database' });
  });

  it('refuses a CSV zip with a missing column, naming the file and line', async () => {
    const zip = unzipSync((await postExport(api.url, { format: 'csv', ids: THREE })).bytes);
    const edges = strFromU8(zip['edges.csv']!).replace('id,type,source,target,', 'id,type,from,target,');
    const error = await refused(zipSync({ ...zip, 'edges.csv': strToU8(edges) }));
    expect(error.details[0]).toEqual({ where: 'edges.csv line 1', message: 'missing column source' });
  });

  it('refuses a quote that is not at its offsets in the source, and a bad cell, naming the line', async () => {
    const zip = unzipSync((await postExport(api.url, { format: 'csv', ids: THREE })).bytes);
    const lines = strFromU8(zip['evidence.csv']!).split('\r\n');
    lines[1] = lines[1]!.replace(/,(\d+),(\d+),/, (_m, s: string, e: string) => `,${Number(s) + 1},${Number(e) + 1},`);
    const error = await refused(zipSync({ ...zip, 'evidence.csv': strToU8(lines.join('\r\n')) }));
    expect(error.details[0]?.where).toMatch(/^evidence\.csv line 2 \(evidence:/);
    expect(error.details[0]?.message).toMatch(/^the quote is not at \d+–\d+ in the text of source:/);

    const nodes = strFromU8(zip['nodes.csv']!).replace('\r\nperson:', '\r\n"person:');
    const syntax = await refused(zipSync({ ...zip, 'nodes.csv': strToU8(nodes) }));
    expect(syntax.message).toMatch(/^CSV zip: nodes\.csv line \d+:/);
  });

  it('refuses JSON that is not JSON, or not Threadline JSON, and an empty body', async () => {
    expect((await refused('{"format": "threadline-graph",\n "version": 1,\n "nodes": [}')).message).toMatch(/^Threadline JSON: line 3, column \d+: not valid JSON/);
    const wrong = await refused(JSON.stringify({ format: 'threadline-graph', version: 1, nodes: [{ id: 'person:x', labels: ['Person'], properties: { name: 'X' } }], edges: [{ id: 'rel:x', type: 'KNOWS', source: 'person:x', target: 'person:marco-rubio', properties: {} }] }));
    expect(wrong.details[0]).toEqual({ where: 'edges[0] (rel:x)', message: 'needs evidence: a non-empty list of evidence ids' });
    expect((await refused('')).details[0]?.where).toBe('body');
  });
});

describe('an import racing a delete', () => {
  it('answers 409 and writes nothing when a node its relationships need is deleted between the checks and the write', async () => {
    const exported = JSON.parse((await postExport(api.url, { format: 'json', ids: THREE })).text) as { nodes: { id: string }[]; edges: { source: string; target: string }[] };
    // The file keeps a relationship to this node, but not the node: it counts on the database having it.
    const gone = exported.edges[0]!.target;
    const file = { ...exported, nodes: exported.nodes.filter((n) => n.id !== gone) };
    let afterDelete: Awaited<ReturnType<typeof counts>> | undefined;
    // Someone else deletes the node after the import has checked the file, before it writes.
    const racing: Database = {
      ...api.db,
      write: async (work, options) => {
        await api.db.driver.executeQuery('MATCH (n:Entity {id: $gone}) DETACH DELETE n', { gone });
        afterDelete = await counts(api.db);
        return api.db.write(work, options);
      },
    };
    const importing = importFile(racing, strToU8(JSON.stringify(file)), { preview: false });
    await expect(importing).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^The graph changed while importing: .*import the file again\.$/) });
    expect(await counts(api.db)).toEqual(afterDelete);
  });
});
