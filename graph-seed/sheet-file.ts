/** `npm run seed -- donations.csv --mapping donations.mapping.json [--skip-bad-rows]`: a spreadsheet through a mapping. */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { SheetMappingSchema } from '../shared/contract/sheet-mapping.js';
import type { Database } from '../server/db/neo4j.js';
import { AppError } from '../server/errors.js';
import type { Changes } from '../server/services/import/changes.js';
import { writeChecked } from '../server/services/import/index.js';
import { checkSheet } from '../server/services/import/sheet/index.js';

export const isSheet = (file: string) => /\.(csv|tsv|xlsx|xls)$/i.test(file);

export interface SheetArgs { mapping: string | null; skipBadRows: boolean }

/** Takes `--mapping <file>` and `--skip-bad-rows` out of the arguments. */
export function sheetArgs(args: string[]): { rest: string[]; sheet: SheetArgs } {
  const at = args.indexOf('--mapping');
  const mapping = at >= 0 ? (args[at + 1] ?? null) : null;
  const rest = args.filter((a, i) => a !== '--skip-bad-rows' && (at < 0 || (i !== at && i !== at + 1)));
  return { rest, sheet: { mapping, skipBadRows: args.includes('--skip-bad-rows') } };
}

export async function loadSheetFile(db: Database, file: string, args: SheetArgs, check: boolean, say: (m: string) => void): Promise<Changes> {
  if (!args.mapping) throw new AppError('bad_request', `${path.basename(file)} is a spreadsheet: say how its columns map with --mapping mapping.json (docs/spreadsheets.md)`);
  const parsed = SheetMappingSchema.safeParse(JSON.parse(readFileSync(args.mapping, 'utf8')));
  if (!parsed.success) throw AppError.fromZod(parsed.error, 'body');
  const name = path.basename(file);
  const by = `cli:${userInfo().username}`;
  const checked = await checkSheet(db, readFileSync(file), parsed.data, { filename: name, by, skipBadRows: args.skipBadRows });
  for (const problem of checked.skipped) say(`skipped row ${problem.row}${problem.column ? ` column "${problem.column}"` : ''}: ${problem.message}`);
  if (!check) say(describeWritten(await writeChecked(db, checked, { name, by, what: 'sheet' })));
  return checked.checked.changes;
}

/** The changeset an import made (revert it to undo the import), and the duplicates it may have brought. */
export function describeWritten({ change, possibleDuplicates }: { change?: string; possibleDuplicates?: number }): string {
  return `Recorded as ${change}${possibleDuplicates ? `; ${possibleDuplicates} possible duplicates to review` : ''}.`;
}
