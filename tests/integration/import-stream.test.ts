/**
 * Streamed imports (docs/export-format.md "Large files"): a 5,000-entity FollowTheMoney file with progress, all or
 * nothing on a bad line and on cancel (the whole graph compared before and after), skipBadRows, and the CLI's
 * progress and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFtmFile } from '../../bench/ftm-file.js';
import type { ImportProgress, ImportSummary } from '../../shared/contract/index.js';
import { graphPicture } from '../support/export-api.js';
import { useSeededApi } from '../support/explore-api.js';
import { lastEvent, postImportStream } from '../support/import-stream.js';
import { counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
const ENTITIES = 5000;
let dir: string;
let file: string;
let lines: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'threadline-stream-'));
  file = path.join(dir, 'synthetic.ftm.jsonl');
  await writeFtmFile(file, ENTITIES, 7);
  lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Its first 2,000 lines with two bad ones, both ownerships: line 500 not JSON, 1,500 of a schema FtM does not have. */
const withBadLines = () => lines.slice(0, 2000).map((line, i) => (i === 499 ? '{"id": "broken"' : i === 1499 ? '{"id":"x1","schema":"Spaceship","properties":{}}' : line)).join('\n');

/** Waits for the server to roll back a cancelled import (it notices the closed connection, then rolls back). */
async function settled(expected: unknown): Promise<unknown> {
  let picture: unknown;
  for (let i = 0; i < 60; i++) {
    picture = await graphPicture(api.db);
    if (JSON.stringify(picture) === JSON.stringify(expected)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return picture;
}

describe('POST /api/import with Accept: application/x-ndjson', () => {
  it('streams progress for each chunk of each phase, then the summary, and writes every entity', async () => {
    await resetToSeed(api.db);
    const before = await counts(api.db);
    const reply = await postImportStream(api.url, await readFile(file), '?format=ftm&filename=synthetic.ftm.jsonl');
    expect(reply.status).toBe(200);
    const progress = reply.events.filter((e): e is ImportProgress => e.type === 'progress');
    // One event per 1,000 lines in each of the three phases, and one at each phase's end.
    expect(progress.filter((p) => p.phase === 'scan')).toHaveLength(ENTITIES / 1000 + 1);
    expect(progress.filter((p) => p.phase === 'nodes')).toHaveLength(ENTITIES / 1000 + 1);
    expect(progress.filter((p) => p.phase === 'relationships')).toHaveLength(ENTITIES / 1000 + 1);
    const written = progress.map((p) => p.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ read: ENTITIES, errors: 0, done: 1, secondsLeft: 0 });
    const summary = lastEvent(reply);
    expect(summary?.type).toBe('summary');
    const { changes, skipped } = (summary as { summary: ImportSummary }).summary;
    // Per block of ten: 7 things, 5 addresses + 2 payments + 1 ownership as relationships, 10 records.
    expect(changes).toEqual({ nodes: { added: 3500, changed: 0, unchanged: 0 }, edges: { added: 4000, changed: 0, unchanged: 0 }, evidence: { added: 5000, changed: 0, unchanged: 0 } });
    expect(skipped).toBeUndefined();
    expect(progress.at(-1)?.written).toBe(3500 + 4000 + 5000);
    // Nodes counted with the Evidence nodes: the 5,000 records, and the import's changeset.
    expect(await counts(api.db)).toEqual({ nodes: before.nodes + 3500 + 5000 + 1, relationships: before.relationships + 4000 });
  }, 400_000);

  it('names every bad line, with its number and why, and writes nothing', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const reply = await postImportStream(api.url, withBadLines(), '?format=ftm');
    const last = lastEvent(reply);
    expect(last).toMatchObject({ type: 'error', status: 400, error: { code: 'bad_request' } });
    const details = last?.type === 'error' ? last.error.details : [];
    expect(details.map((d) => d.where)).toEqual(['line 500', 'line 1500']);
    expect(details[0]!.message).toMatch(/not valid JSON/);
    expect(details[1]!.message).toMatch(/Spaceship/);
    expect(await graphPicture(api.db)).toEqual(before);
  }, 400_000);

  it('with skipBadRows imports the other lines and lists the skipped ones', async () => {
    await resetToSeed(api.db);
    const reply = await postImportStream(api.url, withBadLines(), '?format=ftm&skipBadRows=true');
    const last = lastEvent(reply);
    expect(last?.type, JSON.stringify(last)).toBe('summary');
    const summary = (last as { summary: ImportSummary }).summary;
    expect(summary.skipped?.map((s) => s.line)).toEqual([500, 1500]);
    expect(summary.skipped?.[0]?.reason).toMatch(/not valid JSON/);
    // Two ownerships fewer: every node, and all relationships and records but theirs.
    expect(summary.changes).toEqual({ nodes: { added: 1400, changed: 0, unchanged: 0 }, edges: { added: 1598, changed: 0, unchanged: 0 }, evidence: { added: 1998, changed: 0, unchanged: 0 } });
  }, 400_000);

  it('a cancel (the connection closed) part-way leaves the graph exactly as it was', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const reply = await postImportStream(api.url, await readFile(file), '?format=ftm', (e) => e.type === 'progress' && e.phase === 'relationships' && e.read >= 2000);
    expect(reply.events.some((e) => e.type === 'progress' && e.phase === 'nodes' && e.written > 0)).toBe(true);
    expect(reply.events.some((e) => e.type === 'summary')).toBe(false);
    expect(await settled(before)).toEqual(before);
  }, 400_000);
});

describe('npm run seed -- file.ftm.jsonl', () => {
  /** The CLI as its own process (not through npx, so the signal reaches it), with its output as it comes. */
  function seed(...args: string[]) {
    const { uri, user, password } = inject('neo4j');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
    const child = spawn(process.execPath, ['--import', 'tsx', 'graph-seed/cli.ts', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it('prints progress as plain lines when not on a terminal, and lists skipped lines', async () => {
    await resetToSeed(api.db);
    const bad = path.join(dir, 'bad.ftm.jsonl');
    await writeFile(bad, withBadLines());
    const run = seed('--skip-bad-rows', bad);
    expect(await run.exited, run.output().stderr).toBe(0);
    const { stdout } = run.output();
    expect(stdout).toMatch(/\[seed\] (scanning|nodes|relationships): [\d,]+ lines read, [\d,]+ rows written, \d+ bad lines?, [\d,]+ lines\/s, \d+%/);
    expect(stdout).not.toContain('\r');
    expect(stdout).toContain('[seed] skipped line 500: not valid JSON');
    expect(stdout).toMatch(/nodes: 1400 created/);
  }, 400_000);

  it('Ctrl-C cancels and rolls back: the graph is as it was', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const run = seed(file);
    for (let i = 0; i < 600 && !/\[seed\] nodes: [\d,]+ lines read/.test(run.output().stdout); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output().stderr).toContain('Cancelled (Ctrl-C): the import was rolled back');
    expect(await graphPicture(api.db)).toEqual(before);
  }, 400_000);
});
