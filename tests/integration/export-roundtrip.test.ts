import { describe, expect, it } from 'vitest';
import { allEntityIds, graphPicture, postExport, postImport } from '../support/export-api.js';
import { rows, useSeededApi } from '../support/explore-api.js';
import { clearGraph, counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();

describe('round trips: export the seed graph, import it into an empty database, get the same graph back', () => {
  /** GraphML as written before JSON keys were marked in `<desc>`: with the (schema-invalid) `threadline:encoding`. */
  const olderGraphml = (text: string) =>
    text.replace('<graphml ', '<graphml xmlns:threadline="urn:threadline:graph-export:1" ').replace(/><desc>threadline:json[^<]*<\/desc><\/key>/g, ' threadline:encoding="json"/>');
  const cases = [
    ['json', 'json', undefined],
    ['graphml', 'graphml', undefined],
    ['graphml as older versions wrote it', 'graphml', olderGraphml],
    ['csv', 'csv', undefined],
  ] as const;
  for (const [name, format, rewrite] of cases) {
    it(`${name}: same nodes, relationships, properties and evidence`, async () => {
      await resetToSeed(api.db);
      const before = await graphPicture(api.db);
      const file = await postExport(api.url, { format, ids: await allEntityIds(api.db) });
      expect(file.status).toBe(200);
      if (rewrite) expect(rewrite(file.text)).toContain('threadline:encoding="json"');

      await clearGraph(api.db);
      const imported = await postImport<{ written: boolean; nodes: { create: number; merge: number } }>(api.url, rewrite ? rewrite(file.text) : file.bytes);
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(imported.body.written).toBe(true);
      expect(imported.body.nodes).toEqual({ create: before.nodes.length, merge: 0 });

      const after = await graphPicture(api.db);
      expect(after.nodes).toEqual(before.nodes);
      expect(after.edges).toEqual(before.edges);
      expect(after.evidence).toEqual(before.evidence);
    });
  }

  it('cypher: the script, run statement by statement in an empty database, recreates the graph; running it twice changes nothing', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    // Which Cypher types the stored values have (FLOAT, not INTEGER, for the seed's numbers), per property.
    const typeCensus = () =>
      rows(api.db, 'MATCH (n) UNWIND keys(n) AS key RETURN key, valueType(n[key]) AS type, count(*) AS n ORDER BY key, type');
    const typesBefore = await typeCensus();
    expect(typesBefore.some((r) => String(r.type).startsWith('FLOAT'))).toBe(true);
    const file = await postExport(api.url, { format: 'cypher', ids: await allEntityIds(api.db) });
    expect(file.status).toBe(200);
    const statements = file.text.split('\n').filter((line) => line.trim() && !line.startsWith('//'));
    expect(statements.every((s) => s.endsWith(';'))).toBe(true);

    await clearGraph(api.db);
    for (let run = 0; run < 2; run++) {
      for (const statement of statements) await api.db.driver.executeQuery(statement.slice(0, -1));
    }
    const after = await graphPicture(api.db);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(after.evidence).toEqual(before.evidence);
    expect(await typeCensus()).toEqual(typesBefore);
  });

  it('importing the same file again merges into the existing ids and changes nothing', async () => {
    await resetToSeed(api.db);
    const before = await counts(api.db);
    const file = await postExport(api.url, { format: 'json', ids: await allEntityIds(api.db) });
    const preview = await postImport<{ written: boolean; nodes: { create: number; merge: number }; edges: { create: number } }>(api.url, file.bytes, '?preview=true');
    expect(preview.body.written).toBe(false);
    expect(preview.body.nodes.create).toBe(0);
    expect(preview.body.edges.create).toBe(0);
    expect((await postImport(api.url, file.bytes)).status).toBe(200);
    // The graph is as it was; only the import's changeset (a bookkeeping node) was added.
    expect(await counts(api.db)).toEqual({ ...before, nodes: before.nodes + 1 });
  });
});
