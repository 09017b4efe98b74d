/**
 * How one page of neighbours is read: keyset pagination on (relationship id, neighbour id), one branch per
 * relationship type, merged. Each branch is read by one of two plans, chosen per type from counts Neo4j keeps
 * (degree store, counts store); both yield the same rows, so a cursor works whichever plan reads the next page.
 *
 * - `expand`: walk the node's relationships of the type and keep the `fetch` smallest keys after the cursor.
 *   Cost ~ degree. Right for ordinary nodes.
 * - `index`: walk the type's range index on `r.id` in order from the cursor, at most `budget` entries, keeping
 *   those that touch the node. Cost ~ budget, a small multiple of fetch x (relationships of the type / degree).
 *   Right for hubs, where most of the type's relationships touch the node. `USING INDEX SEEK`, not `USING INDEX`:
 *   with the latter Neo4j may scan the index from its start and filter, reading every entry before a deep cursor. The walk is cut at `budget` entries
 *   whatever plan Neo4j picks (the LIMIT comes before any test on the node); when it is cut before finding
 *   `fetch` rows (the hub's ids cluster away from the cursor), the branch says so and is read again by `expand`.
 */
import { safeName, type Direction } from '../db/cypher-names.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

export type Strategy = 'expand' | 'index';

export interface TypeStats {
  type: string;
  /** Relationships of this type at the node, in the requested direction. */
  degree: number;
  /** Relationships of this type in the whole graph. */
  typeCount?: number;
  /** Whether an online range index on `r.id` exists for this type. */
  indexed?: boolean;
}

/** Index entries to walk for `fetch` rows: four times the expected number, if the node's share of the type were even. */
export function indexBudget({ degree, typeCount }: TypeStats, fetch: number): number {
  if (!typeCount || degree <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(4 * fetch, Math.ceil((4 * fetch * typeCount) / degree));
}

export function chooseStrategy(stats: TypeStats, fetch: number): Strategy {
  return stats.indexed && indexBudget(stats, fetch) < stats.degree ? 'index' : 'expand';
}

/** The Cypher parameter holding a type's index budget. */
export const budgetParameter = (type: string) => `budget_${safeName(type)}`;

const after = (r: string, m: string) => `(${r}.id > $afterEdge OR ${m}.id > $afterNode)`;

/**
 * One UNION branch, with `n` (the centre) imported. Returns one row: `found`, at most `$fetch` pairs [r, m] in key
 * order; `cut`, true when an index walk stopped at its budget before finding `$fetch` pairs; and its `type`.
 */
export function neighborBranch(type: string, direction: Direction, strategy: Strategy): string {
  const t = safeName(type);
  if (strategy === 'expand') return expandBranch([type], direction);
  const touches = direction === 'out' ? 'w[0] = n' : direction === 'in' ? 'w[2] = n' : '(w[0] = n OR w[2] = n)';
  return (
    `MATCH (a)-[r:${t}]->(b) USING INDEX SEEK r:${t}(id) WHERE r.id >= $afterEdge ` +
    `WITH a, r, b ORDER BY r.id LIMIT $${budgetParameter(t)} ` +
    `WITH collect([a, r, b]) AS walked ` +
    `WITH size(walked) = $${budgetParameter(t)} AS full, [w IN walked WHERE ${touches} | [w[1], CASE WHEN w[0] = n THEN w[2] ELSE w[0] END]] AS touching ` +
    `WITH full, [p IN touching WHERE '${ENTITY_LABEL}' IN labels(p[1]) AND ${after('p[0]', 'p[1]')}] AS hits ` +
    `RETURN hits[0..$fetch] AS found, full AND size(hits) < $fetch AS cut, '${t}' AS type`
  );
}

/**
 * One branch that expands several types at once. The service reads every type it does not walk by index in one
 * such branch, listing all of them whether the node has them or not, so that the query text (and Neo4j's cached
 * plan for it) is the same for every ordinary node: a text per combination of types made each new node's first
 * expansion pay for planning the query anew.
 */
export function expandBranch(types: string[], direction: Direction): string {
  const t = types.map(safeName).join('|');
  const pattern = direction === 'out' ? `(n)-[r:${t}]->(m:${ENTITY_LABEL})` : direction === 'in' ? `(n)<-[r:${t}]-(m:${ENTITY_LABEL})` : `(n)-[r:${t}]-(m:${ENTITY_LABEL})`;
  return (
    `MATCH ${pattern} WHERE r.id >= $afterEdge AND ${after('r', 'm')} ` +
    `WITH r, m ORDER BY r.id, m.id LIMIT $fetch RETURN collect([r, m]) AS found, false AS cut, '${t}' AS type`
  );
}

/**
 * The page: every branch's pairs merged in key order, `$fetch` at most (one more than the page, to know whether
 * there is a next). Always one row: the centre `n`, `page` ([r, m] pairs) and `cut` (the types to re-read by expansion).
 */
export function neighborPageQuery(branches: string[]): string {
  return (
    `MATCH (n:${ENTITY_LABEL} {id: $id}) ` +
    `CALL (n) { ${branches.join(' UNION ALL ')} } ` +
    `WITH n, collect(CASE WHEN cut THEN type END) AS cut, reduce(acc = [], f IN collect(found) | acc + f) AS pairs ` +
    `CALL (pairs) { UNWIND pairs AS p WITH p[0] AS r, p[1] AS m ORDER BY r.id, m.id LIMIT $fetch RETURN collect([r, m]) AS page } ` +
    `RETURN n, page, cut`
  );
}
