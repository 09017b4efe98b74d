/** Reading the API's errors for the place they belong: a position in the editor, a form field, a headline. */
import { ApiRequestError } from '../api/client';

export interface CypherPosition {
  line: number;
  column: number;
  message: string;
}

/** Where Neo4j found a syntax error, in the user's text (a 400 whose detail has `line` and `column`). */
export function cypherPosition(error: unknown): CypherPosition | null {
  if (!(error instanceof ApiRequestError)) return null;
  for (const detail of error.details as Array<{ message: string; line?: unknown; column?: unknown }>) {
    if (typeof detail.line === 'number' && typeof detail.column === 'number') return { line: detail.line, column: detail.column, message: detail.message };
  }
  return null;
}

/**
 * Problems per field, from details such as `params.sourceId`, `body.name` or `parameters.2.default`: keyed by
 * what follows the first matching prefix (`sourceId`, `name`, `2.default`).
 */
export function fieldErrors(error: unknown, ...prefixes: string[]): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const fields: Record<string, string> = {};
  for (const detail of error.details) {
    const prefix = prefixes.find((p) => detail.where.startsWith(`${p}.`));
    const field = prefix && detail.where.slice(prefix.length + 1);
    if (field && !fields[field]) fields[field] = detail.message;
  }
  return fields;
}

/** A headline an analyst can act on, by status. */
export function errorTitle(error: unknown, action: string): string {
  if (!(error instanceof ApiRequestError)) return `Could not ${action}`;
  if (error.status === 403) return 'Refused: saved and ad-hoc queries can only read the graph';
  if (error.status === 408) return 'Stopped: the query ran past the time limit';
  const position = cypherPosition(error);
  if (position) return `Cypher error at line ${position.line}, column ${position.column}`;
  if (error.status === 0) return 'No connection to the server';
  return `Could not ${action}`;
}
