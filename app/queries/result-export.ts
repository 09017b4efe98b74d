/** The result table as a file: CSV for spreadsheets (safe to open), JSON for scripts. */
import type { RunResult } from '../../server/contract';
import { cellText } from './result-cells';

const BOM = '\uFEFF';

/**
 * A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe. Numbers from the graph are left as they are: `-3` is a number, not a formula.
 */
export function neutralise(text: string, value: unknown): string {
  return typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (s: string) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** UTF-8 CSV with a byte-order mark (so Excel reads accents), CRLF lines; nodes and relationships by id. */
export function toCsv(result: Pick<RunResult, 'columns' | 'rows'>): string {
  const lines = [result.columns.map((c) => quote(neutralise(c, c))).join(',')];
  for (const row of result.rows) lines.push(result.columns.map((c) => quote(neutralise(cellText(row[c], 'ids'), row[c]))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The rows as JSON objects with the columns in order; cells as the API gave them (nodes whole). */
export function toJson(result: Pick<RunResult, 'columns' | 'rows'>): string {
  const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c] ?? null])));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A file name from the query's name: `Who investigated whom` → `who-investigated-whom.csv`. */
export function exportFileName(name: string, extension: 'csv' | 'json'): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'query-result'}.${extension}`;
}

/** Saves text as a download, in the browser, without a round trip to the server. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
