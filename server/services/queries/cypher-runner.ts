/**
 * Runs user Cypher: checked first (text, then Neo4j's EXPLAIN plan), then run in a READ transaction with a
 * timeout, fetching at most `rowCap + 1` rows to know whether the result was truncated.
 */
import { isNode, isPath, isRelationship, type Node, type Record as Neo4jRecord } from 'neo4j-driver';
import type { RunResult } from '../../../shared/contract/index.js';
import type { Database } from '../../db/neo4j.js';
import { GraphCollector } from '../../db/to-graph.js';
import { inspectPlan, inspectText, isHiddenName, type PlanOperator } from './cypher-guard.js';
import { toCypherError } from './cypher-errors.js';
import { parametersUsed } from './cypher-text.js';

export interface QueryLimits {
  timeoutMs: number;
  rowCap: number;
}

export const DEFAULT_LIMITS: QueryLimits = { timeoutMs: 15_000, rowCap: 5_000 };

export interface RunOptions {
  limits: QueryLimits;
  /** Where the Cypher came from, for error details: `body.query` (ad hoc) or `cypher` (a saved query). */
  where: string;
}

/** Throws 403/400/408 unless the query is a plain read; returns the `$parameters` it uses. */
export async function checkCypher(db: Database, query: string, options: RunOptions, params: Record<string, unknown> = {}): Promise<string[]> {
  const tokens = inspectText(query);
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
  await checkCypher(db, query, options, params);
  const { rowCap, timeoutMs } = options.limits;
  let read: { columns: string[]; records: Neo4jRecord[]; truncated: boolean };
  try {
    read = await db.read(
      async (tx) => {
        const result = tx.run(query, params);
        const columns = await result.keys();
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length === rowCap) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        return { columns: [...columns], records, truncated };
      },
      { timeoutMs },
    );
  } catch (err) {
    throw toCypherError(err, { query, linesBefore: 0, timeoutMs, where: options.where });
  }

  const collector = new GraphCollector();
  const values = read.records.map((record) => read.columns.map((column) => withoutHidden(record.get(column))));
  values.forEach((row) => collector.add(row));
  await collector.addMissingEndpoints(db, isVisible);
  const rows = values.map((row) => Object.fromEntries(read.columns.map((column, i) => [column, collector.toPlain(row[i])])));
  return {
    columns: read.columns,
    rows,
    graph: collector.toGraph(),
    summary: { ms: Math.round(performance.now() - started), rowCount: rows.length, truncated: read.truncated, rowCap, timeoutMs },
  };
}

const isVisible = (node: Node) => !node.labels.some(isHiddenName);

/**
 * Threadline's own nodes (labels starting with `_`, e.g. saved queries) are not part of the graph: a query that
 * reaches them without naming them (`MATCH (n) RETURN n`) gets null in their place.
 */
function withoutHidden(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // A password hash reached through a node's properties (`MATCH (n) RETURN properties(n)`): never shown.
  if (typeof value === 'string' && value.startsWith('scrypt$')) return null;
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
