import { execFile } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { rows, useSeededApi } from '../support/explore-api.js';
import { counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
const CSV = 'tests/fixtures/sheets/donations.csv';
const BAD_CSV = 'tests/fixtures/sheets/donations-bad.csv';
const MAPPING = 'tests/fixtures/sheets/donations.mapping.json';

/** `npm run seed -- …` as a person would run it, against the test Neo4j. */
function seed(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, user, password } = inject('neo4j');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'graph-seed/cli.ts', ...args], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('npm run seed -- sheet.csv --mapping mapping.json', () => {
  it('imports a spreadsheet through a mapping, and says what it created', async () => {
    await resetToSeed(api.db);
    const { code, stdout, stderr } = await seed(CSV, '--mapping', MAPPING);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('donations.csv: nodes: 7 created, 0 merged, 0 unchanged; relationships: 5 created');
    expect(stdout).toMatch(/\[seed\] rows: 5 lines read, 17 rows written, 0 bad lines, [\d,]+ lines\/s, 100%/);
    expect(await rows(api.db, `MATCH (e:Evidence {kind: 'record', file: 'donations.csv'}) RETURN count(e) AS n`)).toEqual([{ n: 5 }]);
  }, 120_000);

  it('refuses a spreadsheet without a mapping, and one with bad rows unless told to skip them', async () => {
    await resetToSeed(api.db);
    const before = await counts(api.db);
    const unmapped = await seed(CSV);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('say how its columns map with --mapping');
    const bad = await seed(BAD_CSV, '--mapping', MAPPING);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('4 rows have problems (row 3 column "Amount (EUR)": "lots" is not a number)');
    expect(await counts(api.db)).toEqual(before);
    const skipped = await seed(BAD_CSV, '--mapping', MAPPING, '--skip-bad-rows');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('skipped row 5 column "Date": "31.02.2012" is not a date in the calendar');
  }, 240_000);
});
