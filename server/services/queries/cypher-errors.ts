/** Turns Neo4j's errors about user Cypher into errors an analyst can act on. */
import { AppError, toAppError, type ErrorDetail } from '../../errors.js';

export interface CypherErrorDetail extends ErrorDetail {
  line?: number;
  column?: number;
}

export interface ErrorContext {
  query: string;
  /** Lines Threadline put before the query (1 for the `EXPLAIN` line of the check). */
  linesBefore: number;
  timeoutMs: number;
  /** Where the query came from, for `details[].where`: `body.query` or `cypher`. */
  where: string;
}

const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

export function timeoutError(timeoutMs: number): AppError {
  return new AppError(
    'timeout',
    `The query ran longer than the ${formatMs(timeoutMs)} limit and was stopped. Narrow it (anchor it on a node, add a LIMIT, bound variable-length patterns), or raise the limit with QUERY_TIMEOUT_MS (milliseconds) in the server's environment.`,
  );
}

export function toCypherError(err: unknown, context: ErrorContext): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  if (TIMED_OUT.has(code)) return timeoutError(context.timeoutMs);
  if (code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand') {
    return new AppError('forbidden', 'Administration commands are not allowed.');
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return new AppError('forbidden', `Neo4j refused the query: ${firstLine(e.message)} Saved and ad-hoc queries are read-only.`);
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError' || code === 'Neo.ClientError.Statement.SemanticError') {
    return syntaxError(e.message ?? '', context, code.endsWith('SyntaxError') ? 'Cypher syntax error' : 'Cypher error');
  }
  if (code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') {
    return new AppError('bad_request', `The query needs more memory than Neo4j allows a transaction: ${firstLine(e.message)} Narrow it or return fewer values.`);
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new AppError('bad_request', `Neo4j could not run the query: ${firstLine(e.message)}`, [{ where: context.where, message: firstLine(e.message) }]);
  }
  return toAppError(err);
}

function syntaxError(message: string, context: ErrorContext, kind: string): AppError {
  const head = firstLine(message);
  const match = head.match(POSITION);
  const text = head.replace(POSITION, '').trim();
  if (!match) return new AppError('bad_request', `${kind}: ${text}`, [{ where: context.where, message: text }]);
  const line = Math.max(1, Number(match[1]) - context.linesBefore);
  const column = Math.max(1, Number(match[2]));
  const source = context.query.split(/\r\n|\r|\n/)[line - 1];
  const pointer = source === undefined ? '' : `\n  ${source}\n  ${' '.repeat(Math.min(column - 1, source.length))}^`;
  const detail: CypherErrorDetail = { where: context.where, message: text, line, column };
  return new AppError('bad_request', `${kind} at line ${line}, column ${column}: ${text}${pointer}`, [detail]);
}

function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n')[0]!.trim();
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
