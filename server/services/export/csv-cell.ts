/**
 * Typed cells of the export's CSV tables, quoted and formula-safe as `contract/csv` writes every CSV. A text cell
 * already starting with `'` gets one more, which keeps the rule reversible: the importer drops exactly one leading
 * `'` from text cells.
 */
import { neutraliseFormula, quoteField } from '../../../shared/text/csv.js';
import type { Column, ValueKind } from './property-types.js';

export function neutralise(text: string): string {
  return text.startsWith("'") ? `'${text}` : neutraliseFormula(text);
}

export function unneutralise(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** Quoted as any field is, and an empty one too: `""` is empty text, an empty unquoted cell is no value. */
const quoteTyped = (field: string) => (field === '' ? '""' : quoteField(field));

/** A value as a cell of a column of this kind: null is an empty, unquoted cell; an empty string is `""`. */
export function csvCell(value: unknown, kind: ValueKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'integer' || kind === 'float' || kind === 'boolean') return String(value);
  const text = kind === 'string' ? String(value) : JSON.stringify(value);
  return quoteTyped(neutralise(text));
}

/** A column header: `name`, or `name:kind` for anything but text (`count:integer`, `aliases:string[]`). */
export function header(column: Column): string {
  return quoteTyped(column.kind === 'string' ? column.name : `${column.name}:${column.kind}`);
}
