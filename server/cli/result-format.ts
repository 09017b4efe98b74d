/** A query result as text: an aligned table for people, CSV for spreadsheets, JSON for scripts. */
import { resultTableCsv } from '../../shared/text/csv.js';
import { truncationNote, type RunResult, type RunSummary } from '../../shared/contract/index.js';
import { cellText } from '../../shared/contract/result-cells.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** CSV with CRLF lines and no byte-order mark (it goes to pipes and scripts), formula-safe; nodes by id, lists as JSON. */
export function toCsv(result: RunResult): string {
  return resultTableCsv(result.columns, result.rows, (value) => cellText(value, 'ids'));
}

export function toTable(result: RunResult, maxWidth = 60): string {
  const clip = (s: string) => {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const cells = result.rows.map((row) => result.columns.map((c) => clip(cellText(row[c], 'names'))));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(result.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** The line the command line prints on stderr after a run: rows, time and why it was cut, if it was. */
export function describeRun(summary: RunSummary): string {
  const note = truncationNote(summary);
  return `${summary.rowCount} row${summary.rowCount === 1 ? '' : 's'} in ${summary.ms} ms.${note ? ` ${note}` : ''}`;
}

export function formatResult(result: RunResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return toCsv(result);
  return toTable(result);
}
