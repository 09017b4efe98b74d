/** The result table as a file: CSV for spreadsheets (safe to open), JSON for scripts. */
import type { RunResult } from '../../shared/contract';
import { BOM, resultTableCsv } from '../../shared/text/csv';
import { cellText } from '../../shared/contract/result-cells';
import { slugify } from '../../shared/text/slug';

/** UTF-8 CSV with a byte-order mark (so Excel reads accents), CRLF lines, formula-safe; nodes and relationships by id. */
export function toCsv(result: Pick<RunResult, 'columns' | 'rows'>): string {
  return BOM + resultTableCsv(result.columns, result.rows, (value) => cellText(value, 'ids'));
}

/** The rows as JSON objects with the columns in order; cells as the API gave them (nodes whole). */
export function toJson(result: Pick<RunResult, 'columns' | 'rows'>): string {
  const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c] ?? null])));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A file name from the query's name: `Who investigated whom` → `who-investigated-whom.csv`. */
export function exportFileName(name: string, extension: 'csv' | 'json'): string {
  return `${slugify(name, 'query-result')}.${extension}`;
}
