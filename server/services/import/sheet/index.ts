/**
 * POST /api/import/sheet[/preview] and `npm run seed -- file.csv --mapping m.json`: a spreadsheet through a mapping
 * (docs/spreadsheets.md). The preview shows the first rows as they will land and every row's problems; the import
 * writes every row, in one transaction through the same checks and writer as the other imports, or nothing, unless
 * the caller asks to leave the bad rows out.
 */
import type { RowProblem, SheetImportSummary, SheetPreview } from '../../../../shared/contract/sheet-import.js';
import type { SheetMapping } from '../../../../shared/contract/sheet-mapping.js';
import type { PreparedSeed } from '../../../db/graph-writer.js';
import type { Database } from '../../../db/neo4j.js';
import { AppError } from '../../../errors.js';
import { summaryCounts } from '../changes.js';
import { checkReferences, type CheckedAgainstGraph } from '../check-references.js';
import { checkRows, toPrepared } from '../check-rows.js';
import { followRedirects } from '../follow-redirects.js';
import { datasetImport } from '../ftm/parse-ftm.js';
import { Problems } from '../import-document.js';
import { writeChecked } from '../index.js';
import { repeatedEdges, toDocument } from './combine-rows.js';
import { columnsRead, mapRow, type MappedRow } from './map-rows.js';
import { readSheet, SHEET, type Sheet } from './read-sheet.js';
import { missingEnds } from './stored-ends.js';

export interface SheetOptions {
  sheet?: string;
  filename?: string;
  dataset?: string;
  by?: string;
}

const SAMPLES = 5;
const MAX_PROBLEMS = 1000;

function describeTable(sheet: Sheet): SheetPreview['table'] {
  const columns = sheet.columns.map((name, i) => ({ name, samples: [...new Set(sheet.rows.map((r) => r.cells[i]!).filter(Boolean))].slice(0, SAMPLES) }));
  return { sheets: sheet.sheets, sheet: sheet.sheet, delimiter: sheet.delimiter, columns, rowCount: sheet.rows.length };
}

/** A mapping that names a column the sheet lacks fails whole, saying where in the mapping. */
function checkColumns(sheet: Sheet, mapping: SheetMapping): void {
  const missing = columnsRead(mapping).filter((c) => !sheet.columns.includes(c));
  if (missing.length === 0) return;
  const has = `the sheet's columns are ${sheet.columns.map((c) => `"${c}"`).join(', ')}`;
  throw new AppError('bad_request', `The mapping names column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}, which the sheet does not have; ${has}.`, missing.map((c) => ({ where: `mapping (column "${c}")`, message: `no such column; ${has}` })));
}

/** Every row mapped, with all problems, those found against the graph (ends named by id columns) included. */
async function mapSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping, options: SheetOptions): Promise<{ sheet: Sheet; rows: MappedRow[] }> {
  const sheet = readSheet(bytes, options.sheet);
  checkColumns(sheet, mapping);
  const dataset = datasetImport({ ...options, dataset: options.dataset ?? options.filename?.replace(/\.(csv|tsv|txt|xlsx|xlsm|xls)$/i, '') });
  const columns = new Map(sheet.columns.map((name, i) => [name, i]));
  const rows = sheet.rows.map((row) => mapRow(row, mapping, columns, dataset));
  const missing = await missingEnds(db, rows.flatMap((r) => r.existingEnds));
  for (const row of rows) {
    for (const id of row.existingEnds.filter((end) => missing.has(end))) row.problems.push({ row: row.row, column: null, message: `${id} is not in the graph` });
  }
  for (const problem of repeatedEdges(rows)) rows.find((r) => r.row === problem.row)!.problems.push(problem);
  return { sheet, rows };
}

export async function previewSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping | undefined, options: SheetOptions & { limit: number }): Promise<SheetPreview> {
  if (!mapping) return { table: describeTable(readSheet(bytes, options.sheet)), rows: [], problems: [], badRows: 0 };
  const { sheet, rows } = await mapSheet(db, bytes, mapping, options);
  const problems = rows.flatMap((r) => r.problems);
  return {
    table: describeTable(sheet),
    rows: rows.slice(0, options.limit).map(({ row, nodes, edges }) => ({ row, nodes: nodes.map(({ replace: _, ...n }) => n), edges: edges.map(({ replace: _, ...e }) => e) })),
    problems: problems.slice(0, MAX_PROBLEMS),
    badRows: rows.filter((r) => r.problems.length).length,
  };
}

function refuseBadRows(problems: RowProblem[], badRows: number): never {
  const details = problems.slice(0, 20).map((p) => ({ where: `row ${p.row}${p.column ? ` column "${p.column}"` : ''}`, message: p.message }));
  const [first] = details;
  throw new AppError(
    'bad_request',
    `${SHEET}: ${badRows} row${badRows > 1 ? 's have' : ' has'} problems (${first!.where}: ${first!.message}). Nothing was written; fix them, or import without them (skipBadRows=true).`,
    details,
  );
}

export interface CheckedSheet { prepared: PreparedSeed; checked: CheckedAgainstGraph; rows: number; skipped: RowProblem[] }

/** Everything the import will write, checked as every import is; bad rows refused, or left out when asked. */
export async function checkSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping, options: SheetOptions & { skipBadRows: boolean }): Promise<CheckedSheet> {
  const { rows } = await mapSheet(db, bytes, mapping, options);
  const bad = rows.filter((r) => r.problems.length);
  const skipped = bad.flatMap((r) => r.problems);
  if (bad.length && !options.skipBadRows) refuseBadRows(skipped, bad.length);
  const good = rows.filter((r) => r.problems.length === 0);
  if (good.length === 0) throw new AppError('bad_request', `${SHEET}: no row checks out, so there is nothing to import.`, [{ where: 'file', message: 'every row has problems' }]);
  const problems = new Problems();
  const checked = checkRows(toDocument(good), problems);
  problems.throwIfAny(SHEET);
  await followRedirects(db, checked);
  const against = await checkReferences(db, checked, problems, 'replace');
  problems.throwIfAny(SHEET);
  return { prepared: toPrepared(checked), checked: against, rows: good.length, skipped };
}

export async function importSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping, options: SheetOptions & { skipBadRows: boolean }): Promise<SheetImportSummary> {
  const started = performance.now();
  const checked = await checkSheet(db, bytes, mapping, options);
  const written = await writeChecked(db, checked, { name: options.filename ?? SHEET, by: options.by ?? 'local', what: 'sheet' });
  const { rows, skipped } = checked;
  return { written: true, rows, skipped, changes: summaryCounts(checked.checked.changes).changes, ...written, ms: Math.round(performance.now() - started) };
}
