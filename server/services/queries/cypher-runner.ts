/**
 * Runs user Cypher: checked first (text, then Neo4j's EXPLAIN plan), then run in a READ transaction with a
 * timeout, reading rows until `rowCap` rows or `byteCap` bytes of JSON (fetching one more to know the result
 * was cut). A run holds one of the caller's query slots until Neo4j has finished it; the caller gets 408 at
 * the deadline even when Neo4j keeps evaluating an expression it cannot interrupt.
 */
import { isNode, isPath, isRelationship, type Node } from 'neo4j-driver';
import type { RunResult } from '../../../shared/contract/index.js';
import type { Database } from '../../db/neo4j.js';
import { GraphCollector, toPlain } from '../../db/to-graph.js';
import { inspectPlan, inspectText, isHiddenName, type PlanOperator } from './cypher-guard.js';
import { timeoutError, toCypherError } from './cypher-errors.js';
import { checkRanges } from './cypher-ranges.js';
import { parametersUsed } from './cypher-text.js';
import type { QuerySlots, SlotLimits } from './query-slots.js';

/** QUERY_TIMEOUT_MS, QUERY_ROW_CAP, QUERY_BYTE_CAP and, for the API, QUERY_CONCURRENCY_PER_USER and _TOTAL. */
export interface QueryLimits extends SlotLimits {
  timeoutMs: number;
  rowCap: number;
  /** Bytes of row JSON a result may hold (QUERY_BYTE_CAP). */
  byteCap: number;
}

export const DEFAULT_LIMITS: QueryLimits = { timeoutMs: 15_000, rowCap: 5_000, byteCap: 4 * 1024 * 1024, perUser: 2, total: 4 };

/** Neo4j's own timeout fires on a 200 ms tick; past this much more, the API stops waiting for it. */
const DEADLINE_GRACE_MS = 1_000;

/** Who runs a query, for the concurrency limits: the slots of this server and the user's name. */
export interface Caller {
  slots: QuerySlots;
  user: string;
}

export interface RunOptions {
  limits: QueryLimits;
  /** Where the Cypher came from, for error details: `body.query` (ad hoc) or `cypher` (a saved query). */
  where: string;
  /** Absent (the command line, start-up): no concurrency limit. */
  caller?: Caller;
}

/** Throws 403/400/408 unless the query is a plain read; returns the `$parameters` it uses. */
export async function checkCypher(db: Database, query: string, options: RunOptions, params: Record<string, unknown> = {}): Promise<string[]> {
  const tokens = inspectText(query);
  checkRanges(tokens, params);
  const context = { query, linesBefore: 1, timeoutMs: options.limits.timeoutMs, where: options.where };
  try {
    const { summary } = await db.read((tx) => tx.run(`EXPLAIN\n${query}`, params), { timeoutMs: options.limits.timeoutMs });
    inspectPlan(summary.queryType, summary.plan as PlanOperator | false);
  } catch (err) {
    throw toCypherError(err, context);
  }
  return parametersUsed(tokens);
}

export async function runCypher(db: Database, query: string, params: Record<string, unknown>, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const release = options.caller?.slots.take(options.caller.user);
  const work = checkCypher(db, query, options, params).then(() => readRows(db, query, params, options.limits));
  // The slot is given back when Neo4j is done, not when the caller stops waiting.
  void work.then(release, release);
  const { columns, rows: values, cutBy } = await withDeadline(work, options.limits.timeoutMs).catch((err: unknown) => {
    throw toCypherError(err, { query, linesBefore: 0, timeoutMs: options.limits.timeoutMs, where: options.where });
  });

  const collector = new GraphCollector();
  values.forEach((row) => collector.add(row));
  await collector.addMissingEndpoints(db, isVisible);
  const rows = values.map((row) => Object.fromEntries(columns.map((column, i) => [column, collector.toPlain(row[i])])));
  const { rowCap, byteCap, timeoutMs } = options.limits;
  return {
    columns,
    rows,
    graph: collector.toGraph(),
    summary: { ms: Math.round(performance.now() - started), rowCount: rows.length, truncated: cutBy !== null, truncatedBy: cutBy, rowCap, byteCap, timeoutMs },
  };
}

interface Rows {
  columns: string[];
  rows: unknown[][];
  cutBy: 'rows' | 'bytes' | null;
}

/** Reads rows until a cap is reached, then stops reading (the rest is never pulled from Neo4j). */
function readRows(db: Database, query: string, params: Record<string, unknown>, { rowCap, byteCap, timeoutMs }: QueryLimits): Promise<Rows> {
  return db.read(
    async (tx) => {
      const result = tx.run(query, params);
      const columns = [...(await result.keys())];
      const rows: unknown[][] = [];
      let bytes = 0;
      for await (const record of result) {
        if (rows.length === rowCap) return { columns, rows, cutBy: 'rows' as const };
        const row = columns.map((column) => withoutHidden(record.get(column)));
        // As the row goes out: an object keyed by column, and a comma.
        bytes += Buffer.byteLength(JSON.stringify(toPlain(Object.fromEntries(columns.map((column, i) => [column, row[i]]))))) + 1;
        if (bytes > byteCap) return { columns, rows, cutBy: 'bytes' as const };
        rows.push(row);
      }
      return { columns, rows, cutBy: null };
    },
    { timeoutMs },
  );
}

/** The work's outcome, or 408 once Neo4j's own timeout should long have fired. */
function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(timeoutMs)), timeoutMs + DEADLINE_GRACE_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const isVisible = (node: Node) => !node.labels.some(isHiddenName);

/**
 * Threadline's own nodes (labels starting with `_`, e.g. saved queries) are not part of the graph: a query that
 * reaches them without naming them (`MATCH (n) RETURN n`) gets null in their place.
 */
function withoutHidden(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value)) return isVisible(value) ? value : null;
  if (isRelationship(value)) return isHiddenName(value.type) ? null : value;
  if (isPath(value)) {
    const hidden = value.segments.some((s) => !isVisible(s.start) || !isVisible(s.end) || isHiddenName(s.relationship.type));
    return hidden || !isVisible(value.start) ? null : value;
  }
  if (Array.isArray(value)) return value.map(withoutHidden);
  if (typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutHidden(v)]));
  }
  return value;
}
