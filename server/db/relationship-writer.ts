/**
 * Writes relationship rows, merged on (type, id): the ones not there are created, the others updated (scalars set,
 * lists united, confidence settled from every quote). Part of the graph writer (graph-writer.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { CREATED_BY_IMPORT, ENTITY_LABEL, EVIDENCE_LABEL, EVIDENCE_LEVELS } from '../../shared/model/graph-model.js';
import type { EdgeRow } from './graph-writer.js';
import { relationshipCount, SAFE_NAME } from './cypher-names.js';
import { splitProperties, uniteLists } from './property-rows.js';
import { inBatches } from './write-batches.js';
import { NewRows } from './new-rows.js';

type Props = Record<string, unknown>;
type SplitEdge = ReturnType<typeof splitProperties<EdgeRow>>['rows'][number];

/**
 * Relationships whose end nodes were not in the database when they were written (deleted by someone else since
 * the load was checked). Thrown inside the transaction, so nothing of the load is kept.
 */
export class MissingEndsError extends Error {
  override readonly name = 'MissingEndsError';
}

/** Within a transaction written without a load's own NewRows: the database's relationship count, read once. */
const newIn = new WeakMap<ManagedTransaction, NewRows>();

async function newRowsOf(tx: ManagedTransaction): Promise<NewRows> {
  const known = newIn.get(tx);
  if (known) return known;
  const rows = new NewRows((await relationshipCount(tx)) === 0);
  newIn.set(tx, rows);
  return rows;
}

/**
 * Rows that cannot exist yet (new-rows.ts: into a database that held no relationship when the transaction, or the
 * chunked load that passes `newRows`, began; not written before by it) are created by a bare `UNWIND … CREATE`, the
 * floor's statement; the others are looked for between their two ends first (mergeRows). Both name the type at run
 * time (`$(row.type)`): one plan, however many types a load has.
 */
export async function writeEdges(
  tx: ManagedTransaction,
  rows: EdgeRow[],
  importChange: string | null,
  quoteLevels: Map<string, unknown>,
  newRows?: NewRows,
): Promise<void> {
  if (!rows.length) return;
  const unsafe = rows.filter((row) => !SAFE_NAME.test(row.type));
  if (unsafe.length) throw new Error(`unsafe relationship type ${unsafe[0]!.type}`);
  const { rows: split, lists } = splitProperties(rows);
  const levels = await evidenceLevels(tx, split.flatMap((row) => evidenceOf(row)), quoteLevels);
  const proven = newRows ?? (await newRowsOf(tx));
  const fresh: SplitEdge[] = [];
  const known: SplitEdge[] = [];
  for (const row of split) (proven.claim(row.type, row.id) ? fresh : known).push(row);
  const withNew = (some: SplitEdge[]) => some.map((row) => ({ ...row, new: newProperties(row, levels, importChange) }));
  await inBatches(fresh, async (some) => expectAll(some, await tx.run(CREATE_ROWS, { rows: withNew(some) })));
  await inBatches(known, async (some) => expectAll(some, await tx.run(mergeRows(lists), { rows: withNew(some), order: EVIDENCE_LEVELS })));
}

const MATCH_ENDS = `UNWIND $rows AS row
  MATCH (a:${ENTITY_LABEL} {id: row.source}), (b:${ENTITY_LABEL} {id: row.target})`;

const CREATE_ROWS = `${MATCH_ENDS}
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.new
  RETURN count(*) AS written`;

/**
 * Each row's relationship is looked for between the two ends it names (`Expand(Into)`, from the end with fewer
 * relationships): Neo4j 5.26 seeks a relationship by id only through its type's index, which cost one statement per
 * type and chunk. A row whose id exists between other ends is refused by the type's uniqueness constraint (the
 * checked imports refuse it before, check-references.ts). Sent only once the database holds relationships: planned
 * on an empty one, the lookup is a scan of every relationship for each row, and the plan is kept (as for `MERGE (a)-
 * [r:$(row.type) {id}]->(b)`: 84 s for a 10,000-row chunk, docs/performance.md).
 */
const mergeRows = (lists: string[]) => `${MATCH_ENDS}
  OPTIONAL MATCH (a)-[r]->(b) WHERE r.id = row.id AND type(r) = row.type
  CALL (a, b, row, r) {
    WITH * WHERE r IS NULL
    CREATE (a)-[new:$(row.type)]->(b)
    SET new = row.new
  }
  CALL (row, r) {
    WITH * WHERE r IS NOT NULL
    SET r += row.scalars
    ${uniteLists('r', lists)}
    ${SETTLE_CONFIDENCE}
  }
  RETURN count(*) AS written`;

function expectAll(rows: SplitEdge[], result: { records: { get(key: string): unknown }[] }): void {
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written >= rows.length) return;
  const types = [...new Set(rows.map((row) => row.type))].join(', ');
  throw new MissingEndsError(`${rows.length - written} of ${rows.length} ${types} relationships name nodes that are not in the database`);
}

function evidenceOf(row: SplitEdge): string[] {
  const evidence = row.lists.evidence ?? row.scalars.evidence;
  return Array.isArray(evidence) ? evidence.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The level of each of these quotes (and records) that the database holds, by id: those the same write has just set
 * (`written`) without asking the database again.
 */
async function evidenceLevels(tx: ManagedTransaction, ids: string[], written: Map<string, unknown>): Promise<Map<string, unknown>> {
  const unknown = [...new Set(ids)].filter((id) => !written.has(id));
  if (!unknown.length) return written;
  const { records } = await tx.run(`UNWIND $ids AS id MATCH (e:${EVIDENCE_LABEL} {id: id}) RETURN id, e.confidence AS level`, { ids: unknown });
  return new Map([...written, ...records.map((record) => [record.get('id') as string, record.get('level')] as const)]);
}

/** What SETTLE_CONFIDENCE gives a relationship with no stored properties, and the import's stamp. */
function newProperties(row: SplitEdge, levels: Map<string, unknown>, importChange: string | null): Props {
  const found = new Set(evidenceOf(row).map((id) => levels.get(id)));
  const confidence = EVIDENCE_LEVELS.find((level) => found.has(level)) ?? row.scalars.confidence;
  return {
    ...row.scalars,
    ...row.lists,
    id: row.id,
    ...(confidence === undefined ? {} : { confidence }),
    ...(importChange === null ? {} : { [CREATED_BY_IMPORT]: importChange }),
  };
}

/**
 * An edge's `confidence` is the firmest level among all its quotes (a dataset record after every quote), read in the
 * database once its evidence list is merged: a second source's weaker quote never lowers what the first one's
 * established. Quotes not (yet) in the database leave the value given.
 */
const SETTLE_CONFIDENCE = `WITH r
    CALL (r) {
      OPTIONAL MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN coalesce(r.evidence, [])
      RETURN collect(e.confidence) AS levels
    }
    SET r.confidence = coalesce(head([level IN $order WHERE level IN levels]), r.confidence)`;
