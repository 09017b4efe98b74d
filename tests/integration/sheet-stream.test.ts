/**
 * Big spreadsheets stream (docs/spreadsheets.md "Big sheets"): a generated 20,000-row CSV through
 * `POST /api/import/sheet` with `Accept: application/x-ndjson`: progress for each chunk (the scan for the
 * relationship types read from a column, then the rows), one donor's rows from several chunks on one node, a cancel
 * and a bad row leaving the graph as it was, the bad row named by its line, and skipBadRows.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineOfRow, SHEET_DONORS, SHEET_MAPPING, sheetRow, writeSheetFile } from '../../bench/sheet-file.js';
import type { ImportEvent, ImportProgress, SheetImportEvent, SheetImportSummary } from '../../shared/contract/index.js';
import { graphPicture } from '../support/export-api.js';
import { rows, useSeededApi } from '../support/explore-api.js';
import { postImportStream } from '../support/import-stream.js';
import { counts, resetToSeed } from '../support/test-db.js';

const api = useSeededApi();
const ROWS = 20_000;
const BAD_ROW = 12_344;
let dir: string;
let sheet: Buffer;
let badSheet: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'threadline-sheet-stream-'));
  await writeSheetFile(path.join(dir, 'donations.csv'), ROWS);
  await writeSheetFile(path.join(dir, 'bad.csv'), ROWS, (i) => (i === BAD_ROW ? sheetRow(i).with(5, 'lots') : sheetRow(i)));
  [sheet, badSheet] = await Promise.all([readFile(path.join(dir, 'donations.csv')), readFile(path.join(dir, 'bad.csv'))]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The sheet import's reply, line by line; `stopWhen` closes the connection after the event it accepts. */
async function postSheetStream(file: Buffer, options: { skipBadRows?: boolean; stopWhen?: (e: ImportEvent) => boolean } = {}) {
  const query = new URLSearchParams({ filename: 'donations.csv', mapping: JSON.stringify(SHEET_MAPPING), ...(options.skipBadRows && { skipBadRows: 'true' }) });
  const reply = await postImportStream(api.url, file, `/sheet?${query}`, options.stopWhen);
  return { status: reply.status, events: reply.events as SheetImportEvent[] };
}

const progressOf = (events: SheetImportEvent[]) => events.filter((e): e is ImportProgress => e.type === 'progress');
const summaryOf = (events: SheetImportEvent[]) => (events.at(-1) as { summary: SheetImportSummary }).summary;

/** Waits for the server to roll back a cancelled import. */
async function settled(expected: unknown): Promise<unknown> {
  let picture: unknown;
  for (let i = 0; i < 60 && JSON.stringify((picture = await graphPicture(api.db))) !== JSON.stringify(expected); i++) await new Promise((resolve) => setTimeout(resolve, 500));
  return picture;
}

describe('POST /api/import/sheet with Accept: application/x-ndjson', () => {
  it('streams progress for each chunk of the scan and of the rows, then the summary, and writes every row', async () => {
    await resetToSeed(api.db);
    const before = await counts(api.db);
    const reply = await postSheetStream(sheet);
    expect(reply.status).toBe(200);
    const last = reply.events.at(-1);
    expect(last?.type, JSON.stringify(last)).toBe('summary');
    const progress = progressOf(reply.events);
    expect(progress.filter((p) => p.phase === 'scan')).toHaveLength(ROWS / 1000 + 1);
    expect(progress.filter((p) => p.phase === 'rows')).toHaveLength(ROWS / 1000 + 1);
    const written = progress.map((p) => p.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ phase: 'rows', read: ROWS, errors: 0, done: 1, secondsLeft: 0 });
    const summary = summaryOf(reply.events);
    expect(summary).toMatchObject({ written: true, rows: ROWS, skipped: [] });
    // A donor's later rows, in later chunks, find its node written by an earlier chunk: they change it, not add it.
    expect(summary.changes.nodes.added).toBe(SHEET_DONORS + 8);
    expect(summary.changes.edges).toEqual({ added: ROWS, changed: 0, unchanged: 0 });
    expect(summary.changes.evidence).toEqual({ added: ROWS, changed: 0, unchanged: 0 });
    // Nodes: the donors, the parties, the rows' records, and the import's changeset.
    expect(await counts(api.db)).toEqual({ nodes: before.nodes + SHEET_DONORS + 8 + ROWS + 1, relationships: before.relationships + ROWS });
    // Donor 7 is on rows 7, 3,007 … 18,007: seven chunks, one node citing seven records.
    expect(await rows(api.db, `MATCH (n:Person {id: 'person:donor-7'}) RETURN size(n.evidence) AS records`)).toEqual([{ records: 7 }]);
    expect(await rows(api.db, `MATCH (:Person)-[r:LENT_TO]->(:Organization) RETURN count(r) AS n`)).toEqual([{ n: ROWS / 10 }]);
  }, 400_000);

  it('a cancel (the connection closed) part-way leaves the graph exactly as it was', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const reply = await postSheetStream(sheet, { stopWhen: (e) => e.type === 'progress' && e.phase === 'rows' && e.read >= 5000 });
    expect(progressOf(reply.events).some((p) => p.phase === 'rows' && p.written > 0)).toBe(true);
    expect(reply.events.some((e) => e.type === 'summary')).toBe(false);
    expect(await settled(before)).toEqual(before);
  }, 400_000);

  it('names a bad row by its line, with the column and why, and writes nothing', async () => {
    await resetToSeed(api.db);
    const before = await graphPicture(api.db);
    const reply = await postSheetStream(badSheet);
    const last = reply.events.at(-1);
    expect(last).toMatchObject({ type: 'error', status: 400, error: { code: 'bad_request' } });
    expect(last?.type === 'error' && last.error.message).toContain(`1 row has problems (row ${lineOfRow(BAD_ROW)} column "Amount": "lots" is not a number)`);
    expect(progressOf(reply.events).at(-1)).toMatchObject({ read: ROWS, errors: 1 });
    expect(await graphPicture(api.db)).toEqual(before);
  }, 400_000);

  it('with skipBadRows imports the other rows and lists the one it left out', async () => {
    await resetToSeed(api.db);
    const reply = await postSheetStream(badSheet, { skipBadRows: true });
    const summary = summaryOf(reply.events);
    expect(summary.rows).toBe(ROWS - 1);
    expect(summary.skipped).toEqual([{ row: lineOfRow(BAD_ROW), column: 'Amount', message: '"lots" is not a number' }]);
    expect(summary.changes.edges.added).toBe(ROWS - 1);
    expect(await rows(api.db, `MATCH (:Person)-[r:DONATED_TO|LENT_TO]->(:Organization) RETURN count(r) AS n`)).toEqual([{ n: ROWS - 1 }]);
  }, 400_000);
});
