/**
 * CSV text (RFC 4180, CRLF lines) that spreadsheets open safely, for every CSV Threadline writes: the export zip,
 * the command line's query results and the app's. Pure, with no imports: the browser bundle takes it as it is.
 */

/** Put first in a UTF-8 file, so that Excel reads accents right. */
export const BOM = '\uFEFF';

/** Text a spreadsheet (Excel, LibreOffice, Sheets) would run as a formula: starting with `=`, `+`, `-`, `@`, tab or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Formula-like text gets a leading `'`, which spreadsheets read as "this is text". */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes a field that holds a comma, a quote, a line break or leading/trailing space, doubling its quotes. */
export function quoteField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One record: fields already quoted, then CRLF. */
export function csvLine(fields: string[]): string {
  return `${fields.join(',')}\r\n`;
}

/**
 * A query result's table: the column names, then one line per row with each cell as `text(value)`; text that reads
 * as a formula is neutralised, numbers are left alone (`-3` is a number, not a formula).
 */
export function resultTableCsv(columns: string[], rows: Record<string, unknown>[], text: (value: unknown) => string): string {
  const cell = (value: unknown, asText: string) => quoteField(typeof value === 'number' ? asText : neutraliseFormula(asText));
  return [csvLine(columns.map((c) => cell(c, c))), ...rows.map((row) => csvLine(columns.map((c) => cell(row[c], text(row[c])))))].join('');
}
