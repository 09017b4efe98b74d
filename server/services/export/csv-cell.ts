/**
 * CSV cells (RFC 4180) that spreadsheets open safely. A text cell starting with `=`, `+`, `-`, `@`, tab or CR
 * would run as a formula in Excel, LibreOffice or Sheets: it gets a leading `'` (so does one already starting
 * with `'`, which keeps the rule reversible: the importer drops exactly one leading `'` from text cells).
 */
import type { Column, ValueKind } from './property-types.js';

const FORMULA_START = /^[=+\-@\t\r']/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** Quotes a field when it holds a comma, a quote, a line break or leading/trailing space. */
export function quoteField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A value as a cell of a column of this kind: null is an empty, unquoted cell; an empty string is `""`. */
export function csvCell(value: unknown, kind: ValueKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'integer' || kind === 'float' || kind === 'boolean') return String(value);
  const text = kind === 'string' ? String(value) : JSON.stringify(value);
  return quoteField(neutralise(text));
}

/** A column header: `name`, or `name:kind` for anything but text (`count:integer`, `aliases:string[]`). */
export function header(column: Column): string {
  return quoteField(column.kind === 'string' ? column.name : `${column.name}:${column.kind}`);
}

export function csvLine(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

export const BOM = '\uFEFF';
