/** What every import parser produces: loader rows, each with where it came from in the file (for error messages). */
import type { ImportFormat } from '../../../shared/contract/export.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { EdgeRow, EvidenceRow, NodeRow, RecordRow } from '../../db/graph-writer.js';

export interface Located<T> {
  row: T;
  /** "nodes.csv line 4", `<edge id="rel:x">`, "edges[3] (rel:x)". */
  where: string;
}

export interface ImportDocument {
  format: ImportFormat | 'sheet';
  nodes: Located<NodeRow>[];
  /** Source nodes with their text; a source also listed among `nodes` is merged into it. */
  sources: Located<NodeRow>[];
  edges: Located<EdgeRow>[];
  evidence: Located<EvidenceRow>[];
  /** Dataset records (FollowTheMoney): evidence without a quote, one per entity of the file. */
  records?: Located<RecordRow>[];
}

const MAX_DETAILS = 20;

/** Collects every problem found, then fails once, naming the first ones. */
export class Problems {
  private readonly details: ErrorDetail[] = [];
  private count = 0;

  add(where: string, message: string): void {
    this.count++;
    if (this.details.length < MAX_DETAILS) this.details.push({ where, message });
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Every problem kept, one a line ("where: message"), and how many more there were. */
  lines(): string[] {
    const lines = this.details.map((d) => `${d.where}: ${d.message}`);
    return this.count > lines.length ? [...lines, `(and ${this.count - lines.length} more)`] : lines;
  }

  throwIfAny(what: string): void {
    if (this.count > 0) throw this.toError(what);
  }

  toError(what: string): AppError {
    const [first] = this.details;
    const more = this.count > 1 ? ` (and ${this.count - 1} more problem${this.count > 2 ? 's' : ''})` : '';
    return new AppError('bad_request', `${what}: ${first?.where}: ${first?.message}${more}. Nothing was written.`, this.details);
  }
}

/** A file that cannot be read at all: one problem, thrown at once. */
export function unreadable(what: string, where: string, message: string): AppError {
  return new AppError('bad_request', `${what}: ${where}: ${message}. Nothing was written.`, [{ where, message }]);
}
