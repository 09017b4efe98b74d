/** A cell's text as the property its column's type asks for, or why it cannot be (docs/spreadsheets.md "Types"). */
import type { PropertyColumn } from '../../../../shared/contract/sheet-mapping.js';

export type DatePrecision = 'year' | 'month' | 'day';
type Props = Record<string, unknown>;

export class CellError extends Error {}

/** `1234.5`, `1,234.5`, `1234,5` (a decimal comma), `1 234`: the thousands may be grouped by commas or spaces. */
export function toNumber(text: string): number {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const value = Number(s);
  if (s === '' || !Number.isFinite(value)) throw new CellError(`"${text}" is not a number`);
  return value;
}

const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `2019`, `2019-03`, `2019-03-12` (with or without a time), `12.03.2019` or `12/03/2019` (day first). */
export function toDate(text: string): { date: string; precision: DatePrecision } {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+Z?)?)?)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!y) throw new CellError(`"${text}" is not a date (write 2019, 2019-03, 2019-03-12 or 12.03.2019)`);
  const pad = (s: string) => s.padStart(2, '0');
  if (m && !validDay(Number(y), Number(m), d ? Number(d) : 1)) throw new CellError(`"${text}" is not a date in the calendar`);
  if (!m) return { date: y, precision: 'year' };
  if (!d) return { date: `${y}-${pad(m)}`, precision: 'month' };
  return { date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
}

/** The properties one column gives (none for an empty cell); a date gives its precision too. */
export function columnProperties(column: PropertyColumn, text: string): Props {
  if (text === '') return {};
  switch (column.type) {
    case 'number':
      return { [column.property]: toNumber(text) };
    case 'date': {
      const { date, precision } = toDate(text);
      return { [column.property]: date, [`${column.property}Precision`]: precision };
    }
    case 'list':
      return { [column.property]: text.split(column.separator).map((v) => v.trim()).filter(Boolean) };
    default:
      return { [column.property]: text };
  }
}
