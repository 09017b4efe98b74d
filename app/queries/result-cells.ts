/** How query result rows sort: numbers by value, everything else as the table reads it. */
import { cellText } from '../../shared/contract/result-cells';

/** Numbers by value, everything else by its text as read in the table (numbers inside it too). */
function compareCells(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a, 'names').localeCompare(cellText(b, 'names'), undefined, { numeric: true, sensitivity: 'base' });
}

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

export type SortOrder = { column: string; direction: 'asc' | 'desc' } | null;

/** The rows in this order (a copy; empty cells stay last in both directions); the server's order when null. */
export function sortRows<R extends Record<string, unknown>>(rows: R[], order: SortOrder): R[] {
  if (!order) return rows;
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = x[order.column];
    const b = y[order.column];
    const empty = Number(isEmpty(a)) - Number(isEmpty(b));
    return empty || (isEmpty(a) ? 0 : sign * compareCells(a, b));
  });
}
