/**
 * POST /api/import/sheet[/preview] and `npm run seed -- file.csv --mapping m.json`: a spreadsheet through a mapping
 * (docs/spreadsheets.md). The preview reads the first rows only (a big file stays quick), shows the first of them as
 * they will land and their problems; the import reads every row as it comes (sheet-stream.ts) and writes them all,
 * in one transaction through the same checks and writer as the other imports, or nothing, unless the caller asks to
 * leave the bad rows out.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SHEET_PREVIEW_READ, type SheetImportSummary, type SheetPreview } from '../../../../shared/contract/sheet-import.js';
import type { SheetMapping } from '../../../../shared/contract/sheet-mapping.js';
import type { Database } from '../../../db/neo4j.js';
import { SheetMapper, type SheetOptions } from './map-sheet.js';
import { openSheet, type SheetHead, type SheetRow } from './read-sheet.js';
import { streamSheetImport, type SheetImportOptions } from './sheet-stream.js';

const SAMPLES = 5;
const MAX_PROBLEMS = 1000;

/** Up to `limit` rows, and whether more follow. */
async function firstRows(rows: AsyncIterable<SheetRow>, limit: number): Promise<{ rows: SheetRow[]; more: boolean }> {
  const read: SheetRow[] = [];
  for await (const row of rows) {
    if (read.length === limit) return { rows: read, more: true };
    read.push(row);
  }
  return { rows: read, more: false };
}

function describeTable(sheet: SheetHead, rows: SheetRow[], more: boolean): SheetPreview['table'] {
  const columns = sheet.columns.map((name, i) => ({ name, samples: [...new Set(rows.map((r) => r.cells[i]!).filter(Boolean))].slice(0, SAMPLES) }));
  return { sheets: sheet.sheets, sheet: sheet.sheet, delimiter: sheet.delimiter, columns, rowCount: rows.length, more };
}

/** `cut`: the body is the file's first bytes only (the app sends a big file's first megabyte). */
export async function previewSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping | undefined, options: SheetOptions & { limit: number; cut: boolean }): Promise<SheetPreview> {
  const sheet = await openSheet([bytes], options);
  const { rows, more } = await firstRows(sheet.rows, SHEET_PREVIEW_READ);
  const table = describeTable(sheet, rows, more || options.cut);
  if (!mapping) return { table, rows: [], problems: [], badRows: 0 };
  const mapped = await new SheetMapper(sheet, mapping, options).map(db, rows);
  return {
    table,
    rows: mapped.slice(0, options.limit).map(({ row, nodes, edges }) => ({ row, nodes: nodes.map(({ replace: _, ...n }) => n), edges: edges.map(({ replace: _, ...e }) => e) })),
    problems: mapped.flatMap((r) => r.problems).slice(0, MAX_PROBLEMS),
    badRows: mapped.filter((r) => r.problems.length).length,
  };
}

/** A sheet sent whole (a request's body), imported as a streamed one is. */
export function importSheet(db: Database, bytes: Uint8Array, mapping: SheetMapping, options: Omit<SheetImportOptions, 'totalBytes'>): Promise<SheetImportSummary> {
  return streamSheetImport(db, () => [bytes], mapping, { ...options, totalBytes: bytes.length });
}

/** A sheet on disk (a CLI argument, a spooled request body), read as it comes. */
export async function importSheetFromDisk(db: Database, file: string, mapping: SheetMapping, options: Omit<SheetImportOptions, 'totalBytes'>): Promise<SheetImportSummary> {
  const { size } = await stat(file);
  return streamSheetImport(db, () => createReadStream(file), mapping, { ...options, totalBytes: size });
}
