import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allEntityIds, graphPicture, postExport } from '../support/export-api.js';
import { useSeededApi } from '../support/explore-api.js';
import { clearGraph, counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'threadline-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `npm run seed -- file` as a person would run it, against the test Neo4j. */
function seed(...files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, user, password } = inject('neo4j');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'graph-seed/cli.ts', ...files], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('npm run seed -- export-file', () => {
  it('loads a Threadline JSON export, a GraphML file and a CSV zip by their extension', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const ids = await allEntityIds(api.db);
    const files = { json: 'graph.json', graphml: 'graph.graphml', csv: 'graph.zip' } as const;
    for (const [format, name] of Object.entries(files)) {
      await writeFile(path.join(dir, name), (await postExport(api.url, { format, ids })).bytes);
    }
    for (const name of Object.values(files)) {
      await clearGraph(api.db);
      const { code, stdout, stderr } = await seed(path.join(dir, name));
      expect(code, stderr).toBe(0);
      expect(stdout).toContain(`${before.nodes.length} nodes to create, 0 to merge`);
      expect(await graphPicture(api.db)).toEqual(before);
    }
  });

  it('refuses a bad file, naming the element, and writes nothing', async () => {
    await resetToSeed(api.db);
    const file = await postExport(api.url, { format: 'graphml', ids: ['person:marco-rubio', 'person:nayib-bukele'] });
    await writeFile(path.join(dir, 'bad.graphml'), file.text.replace(/<edge id="([^"]+)" source="[^"]+"/, '<edge id="$1" source="person:nobody"'));
    const before = await counts(api.db);
    const { code, stderr } = await seed(path.join(dir, 'bad.graphml'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/GraphML: <edge id="rel:[^"]+"> \(edge 1\): unknown node person:nobody/);
    expect(await counts(api.db)).toEqual(before);
  });
});
