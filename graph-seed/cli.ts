/**
 * `npm run seed [-- [--check] [--transactional] [--skip-bad-rows] file ...]`: loads files (default: the shipped seed) into the configured Neo4j, in the
 * order given; seed files loaded first into an empty local database go through Neo4j's offline importer unless
 * `--transactional` (graph-seed/first-load.ts); with `--check`, checks them all (against the database too) and writes nothing. Seed files are YAML or JSON (server/services/seed/seed-file.ts); Threadline exports are read by extension and content:
 * `.graphml`, the CSV `.zip`, and `.json` whose `format` is `threadline-graph` (docs/export-format.md); FollowTheMoney
 * entity files by `.jsonl`, `.ijson` or `.ndjson` (the dataset named after the file); spreadsheets (`.csv`, `.tsv`, `.xlsx`)
 * with `--mapping mapping.json` (graph-seed/sheet-file.ts), streamed as FollowTheMoney files are.
 * Each file is checked whole before anything from it is written, and written in one transaction. Every load says
 * what it created, merged and found unchanged, per kind. FollowTheMoney files and CSV sheets stream (any size), showing
 * progress; Ctrl-C cancels and rolls back; `--skip-bad-rows` writes a file's good lines (rows) and lists the bad ones.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { connectConfigured } from '../server/db/connect-configured.js';
import type { Database } from '../server/db/neo4j.js';
import { AppError } from '../server/errors.js';
import { checkImport, importFromDisk, writeChecked } from '../server/services/import/index.js';
import { SetupError } from '../server/setup-error.js';
import { defaultSeedFiles, loadSeedFiles } from '../server/services/seed/shipped-seeds.js';
import { describeChanges, type Changes } from '../server/services/import/changes.js';
import { SeedError } from '../server/services/seed/prepare.js';
import { isSheet, loadSheetFile, sheetArgs, type SheetArgs } from './sheet-file.js';
import { describeWritten, toChanges, withCliProgress } from './streamed-import.js';
import { chooseSeedWriter, type SeedWriter } from './first-load.js';

const say = (message: string) => console.log(`[seed] ${message}`);

const isDataset = (file: string) => /\.(jsonl|ijson|ndjson)$/i.test(file);
/** Ctrl-C cancels a streamed import: its transaction is rolled back. */
const cancel = new AbortController();
const CANCELLED = 130;

/** A FollowTheMoney file, streamed with progress on stdout; says what it skipped. */
async function importDataset(db: Database, file: string, options: { check: boolean; skipBadRows: boolean }): Promise<Changes> {
  const summary = await withCliProgress(cancel, (hooks) =>
    importFromDisk(db, file, { filename: path.basename(file), by: `cli:${userInfo().username}`, preview: options.check, skipBadRows: options.skipBadRows, ...hooks }),
  );
  for (const { line, reason } of summary.skipped ?? []) say(`skipped line ${line}: ${reason}`);
  if (!options.check) say(describeWritten(summary));
  return toChanges(summary.changes);
}

/** A Threadline export or a dataset rather than a seed file: GraphML, a zip, FtM JSON lines, or JSON that says it is one. */
function isExport(file: string): boolean {
  if (/\.(graphml|zip|jsonl|ijson|ndjson)$/i.test(file) || isSheet(file)) return true;
  if (!/\.json$/i.test(file)) return false;
  return /^\s*\{\s*"format"\s*:\s*"threadline-graph"/.test(readFileSync(file, 'utf8').slice(0, 200).replace(/^\uFEFF/, ''));
}

/** Consecutive seed files load together (they may refer to each other); each export file loads on its own. */
function batches(files: string[]): { export: boolean; files: string[] }[] {
  const out: { export: boolean; files: string[] }[] = [];
  for (const file of files) {
    const kind = isExport(file);
    const last = out[out.length - 1];
    if (last && !last.export && !kind) last.files.push(file);
    else out.push({ export: kind, files: [file] });
  }
  return out;
}

/** A Threadline export (GraphML, CSV zip, Threadline JSON), checked whole, then written unless `--check`, as one changeset. */
async function importExport(db: Database, file: string, check: boolean): Promise<Changes> {
  const name = path.basename(file);
  const by = `cli:${userInfo().username}`;
  const checked = await checkImport(db, readFileSync(file), { filename: name, by });
  say(`${name} (${checked.summary.format}): ${checked.summary.nodes.create} nodes to create, ${checked.summary.nodes.merge} to merge.`);
  if (!check) say(describeWritten(await writeChecked(db, checked, { name, by, what: 'file' })));
  return checked.checked.changes;
}


/** One batch by its kind: seed files together, an export, a dataset or a spreadsheet on its own. */
async function loadBatch(db: Database, batch: { export: boolean; files: string[] }, check: boolean, sheet: SheetArgs, write?: SeedWriter): Promise<Changes> {
  const file = batch.files[0]!;
  if (!batch.export) return (await loadSeedFiles(db, batch.files, { check, onProgress: say, write })).changes;
  if (isSheet(file)) return loadSheetFile(db, file, sheet, { check, cancel, say });
  if (isDataset(file)) return importDataset(db, file, { check, skipBadRows: sheet.skipBadRows });
  return importExport(db, file, check);
}

async function main(): Promise<number> {
  const { rest: args, sheet } = sheetArgs(process.argv.slice(2));
  const check = args.includes('--check');
  const files = args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f));
  const config = loadConfig();
  const connected = await connectConfigured(config, say, { attach: true });
  let loaded = 0;
  try {
    for (const [index, batch] of batches(files.length ? files : defaultSeedFiles()).entries()) {
      const names = batch.files.map((f) => path.basename(f)).join(', ');
      const started = Date.now();
      const first = index === 0 && !batch.export && !check;
      const write = first ? await chooseSeedWriter(connected, { transactional: args.includes('--transactional'), uriConfigured: Boolean(config.NEO4J_URI) }, say) : undefined;
      const changes = await loadBatch(connected.db, batch, check, sheet, write);
      say(`${names}: ${describeChanges(changes)}${check ? ' (checked; --check writes nothing)' : ''} in ${Date.now() - started} ms.`);
      loaded += batch.files.length;
    }
    return 0;
  } catch (err) {
    if (loaded > 0 && !check) console.error(`[seed] The ${loaded} file(s) before the failing one were loaded.`);
    throw err;
  } finally {
    await connected.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof SeedError || err instanceof SetupError || err instanceof AppError;
    const details = err instanceof AppError ? err.details.slice(1).map((d) => `\n  ${d.where}: ${d.message}`).join('') : '';
    console.error(`[seed] ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}${details}`);
    console.error('[seed] Nothing from the failing file was written.');
    process.exit(cancel.signal.aborted ? CANCELLED : 1);
  },
);
