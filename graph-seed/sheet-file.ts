/** `npm run seed -- donations.csv --mapping donations.mapping.json [--skip-bad-rows]`: a spreadsheet through a mapping, streamed with progress. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { SheetMappingSchema } from '../shared/contract/sheet-mapping.js';
import type { Database } from '../server/db/neo4j.js';
import { AppError } from '../server/errors.js';
import type { Changes } from '../server/services/import/changes.js';
import { importSheetFromDisk } from '../server/services/import/sheet/index.js';
import { describeWritten, toChanges, withCliProgress } from './streamed-import.js';

export const isSheet = (file: string) => /\.(csv|tsv|xlsx|xls)$/i.test(file);

export interface SheetArgs { mapping: string | null; skipBadRows: boolean }

/** Takes `--mapping <file>` and `--skip-bad-rows` out of the arguments. */
export function sheetArgs(args: string[]): { rest: string[]; sheet: SheetArgs } {
  const at = args.indexOf('--mapping');
  const mapping = at >= 0 ? (args[at + 1] ?? null) : null;
  const rest = args.filter((a, i) => a !== '--skip-bad-rows' && (at < 0 || (i !== at && i !== at + 1)));
  return { rest, sheet: { mapping, skipBadRows: args.includes('--skip-bad-rows') } };
}

interface LoadRun { check: boolean; cancel: AbortController; say: (m: string) => void }

export async function loadSheetFile(db: Database, file: string, args: SheetArgs, { check, cancel, say }: LoadRun): Promise<Changes> {
  if (!args.mapping) throw new AppError('bad_request', `${path.basename(file)} is a spreadsheet: say how its columns map with --mapping mapping.json (docs/spreadsheets.md)`);
  const parsed = SheetMappingSchema.safeParse(JSON.parse(readFileSync(args.mapping, 'utf8')));
  if (!parsed.success) throw AppError.fromZod(parsed.error, 'body');
  const options = { filename: path.basename(file), by: `cli:${userInfo().username}`, skipBadRows: args.skipBadRows, preview: check };
  const summary = await withCliProgress(cancel, (hooks) => importSheetFromDisk(db, file, parsed.data, { ...options, ...hooks }));
  for (const problem of summary.skipped) say(`skipped row ${problem.row}${problem.column ? ` column "${problem.column}"` : ''}: ${problem.message}`);
  if (!check) say(describeWritten(summary));
  return toChanges(summary.changes);
}
