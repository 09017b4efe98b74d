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

describe('npm run seed -- seed-file', () => {
  const fixture = (name: string) => path.resolve('tests/fixtures/seeds', name);
  const firstArticle = path.resolve('graph-seed/data/rubio-bukele.yaml');

  it('checks with --check, writing nothing; loads two files in one command; says what it created, merged and left unchanged', async () => {
    await resetToSeed(api.db);
    const before = await counts(api.db);
    const checked = await seed('--check', fixture('follow-up-article.yaml'));
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(
      '[seed] follow-up-article.yaml: nodes: 1 created, 1 merged, 0 unchanged; relationships: 1 created, 1 merged, 0 unchanged; quotes: 3 created, 0 merged, 0 unchanged (checked; --check writes nothing)',
    );
    expect(await counts(api.db)).toEqual(before);

    const loaded = await seed(firstArticle, fixture('follow-up-article.yaml'));
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(
      /\[seed\] rubio-bukele\.yaml, follow-up-article\.yaml: nodes: 1 created, 1 merged, \d+ unchanged; relationships: 1 created, 1 merged, \d+ unchanged; quotes: 3 created, 0 merged, \d+ unchanged in \d+ ms\./,
    );
    expect(await counts(api.db)).toEqual({ nodes: before.nodes + 4, relationships: before.relationships + 1 });
    await resetToSeed(api.db);
  });

  it('refuses a seed file with problems, listing them all at once, and writes nothing', async () => {
    const before = await counts(api.db);
    const { code, stderr } = await seed('--check', fixture('many-problems.yaml'));
    expect(code).toBe(1);
    expect(stderr).toContain('unknown node person:pamela-bondi: it is neither in the file nor in the database; did you mean person:pam-bondi?');
    expect(stderr).toContain('where the quote has "\'" (U+0027)');
    expect(stderr).toContain('the file has person:marco-rubio -[LEADS]-> org:us-state-department');
    expect(await counts(api.db)).toEqual(before);
  });
});
