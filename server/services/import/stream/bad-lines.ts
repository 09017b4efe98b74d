/**
 * Bad lines of a streamed import, every one kept with its number and why (a file of 100,000 lines may have
 * hundreds): reported all at once when the import fails, or listed as skipped with `skipBadRows`.
 */
import { AppError } from '../../../errors.js';
import { Problems } from '../import-document.js';

/** The checks' problems for one chunk, by line number ("line 12 (Payment p1)" → 12). */
export class LineProblems extends Problems {
  readonly byLine = new Map<number, string>();

  override add(where: string, message: string): void {
    super.add(where, message);
    const [, line = '0', entity] = /^line (\d+)(?: \((.*)\))?/.exec(where) ?? [];
    joinReason(this.byLine, Number(line), entity ? `${entity}: ${message}` : message);
  }
}

/** A line with several problems says them all. */
function joinReason(lines: Map<number, string>, line: number, reason: string): void {
  lines.set(line, lines.has(line) ? `${lines.get(line)}; ${reason}` : reason);
}

export class BadLines {
  private readonly lines = new Map<number, string>();

  get count(): number {
    return this.lines.size;
  }

  has(line: number): boolean {
    return this.lines.has(line);
  }

  add(found: ReadonlyMap<number, string>): void {
    for (const [line, reason] of found) joinReason(this.lines, line, reason);
  }

  list(): { line: number; reason: string }[] {
    return [...this.lines].sort(([a], [b]) => a - b).map(([line, reason]) => ({ line, reason }));
  }

  toError(what: string): AppError {
    const all = this.list();
    const first = all.slice(0, 3).map((b) => `line ${b.line}: ${b.reason}`).join('; ');
    const more = all.length > 3 ? ` and ${all.length - 3} more` : '';
    return new AppError(
      'bad_request',
      `${what}: ${all.length} bad line${all.length > 1 ? 's' : ''} (${first}${more}). Nothing was written; import with skipBadRows=true to leave them out.`,
      all.map((b) => ({ where: `line ${b.line}`, message: b.reason })),
    );
  }
}
