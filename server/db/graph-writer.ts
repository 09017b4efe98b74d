/** Writes prepared rows into Neo4j: schema first (idempotent), then all data in one transaction. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './neo4j.js';
import { CREATED_BY_IMPORT, EVIDENCE_LEVELS, RECORD_CONFIDENCE, REDIRECT_LABEL } from '../../shared/model/graph-model.js';
import { splitProperties, uniteLists } from './property-rows.js';

export const ENTITY_LABEL = 'Entity';
export const EVIDENCE_LABEL = 'Evidence';
export const SEARCH_INDEX = 'entity_search';
const RELATIONSHIP_ID_PREFIX = 'rel_id_unique_';
const BATCH = 1000;

type Props = Record<string, unknown>;
/**
 * The rows the writer takes: the seed loader, the importers and the bench all produce them. `replace` names list
 * properties whose values replace the stored ones instead of joining them (a dataset's record says all of them).
 */
export interface NodeRow { id: string; labels: string[]; properties: Props; replace?: string[] }
export interface EdgeRow { id: string; type: string; source: string; target: string; properties: Props; replace?: string[] }
export interface EvidenceRow {
  id: string;
  quote: string;
  start: number;
  end: number;
  attribution: string;
  confidence: string;
  sourceId: string;
  claims: string[];
  /** The version of the source's text the quote points into, when a correction left it behind (docs/reporting.md). */
  sourceVersion?: number;
}
/** A dataset's record (docs/model.md "Records from datasets"): an Evidence node of kind `record`, no quote. */
export interface RecordRow {
  id: string;
  dataset: string;
  file: string | null;
  recordId: string;
  schema: string;
  importedAt: string;
  importedBy: string;
  sourceUrl: string[];
  publisher: string[];
  proof: string[];
  claims: string[];
}
export interface PreparedSeed { nodes: NodeRow[]; edges: EdgeRow[]; evidence: EvidenceRow[]; records?: RecordRow[] }

export interface LoadSummary { nodes: number; edges: number; evidence: number; ms: number }

/**
 * Relationships whose end nodes were not in the database when they were written (deleted by someone else since
 * the load was checked). Thrown inside the transaction, so nothing of the load is kept.
 */
export class MissingEndsError extends Error {
  override readonly name = 'MissingEndsError';
}

/** Constraints and indexes the graph's hot queries rely on, as statements that are safe to run again. */
export function schemaStatements(relationshipTypes: string[] = []): string[] {
  return [
    `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (e:${EVIDENCE_LABEL}) REQUIRE e.id IS UNIQUE`,
    `CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (r:${REDIRECT_LABEL}) REQUIRE r.id IS UNIQUE`,
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.aliases, n.description, n.position, n.countText] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding'}}`,
    ...relationshipTypes
      .filter((type) => SAFE_NAME.test(type))
      .map((type) => `CREATE CONSTRAINT ${RELATIONSHIP_ID_PREFIX}${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`),
  ];
}

/** What each database is known to hold already, so a claim of a type seen before costs no round trip at all. */
const ensured = new WeakMap<Database, Set<string>>();
const schemaName = (statement: string) => statement.match(/^CREATE \w+(?: INDEX)? (\w+) IF NOT EXISTS/)![1]!;

/**
 * Creates what is missing. A uniqueness constraint is online when its statement returns; only the full-text index
 * fills in the background, so only its creation is waited for (a claim's new type paid for a wait on every index).
 * All of them in one transaction was measured slower than one each (docs/performance.md "Cold start").
 */
export async function ensureSchema(db: Database, relationshipTypes: string[] = []): Promise<void> {
  const known = ensured.get(db) ?? new Set<string>();
  ensured.set(db, known);
  const wanted = schemaStatements(relationshipTypes).filter((statement) => !known.has(schemaName(statement)));
  if (!wanted.length) return;
  const { records } = await db.driver.executeQuery('SHOW INDEXES YIELD name, owningConstraint RETURN name, owningConstraint', {}, { database: db.database });
  const existing = new Set(records.flatMap((r) => [r.get('name') as string, r.get('owningConstraint') as string | null]).filter((n) => n !== null));
  await dropLegacyRelationshipIndexes(db, records.filter((r) => r.get('owningConstraint') === null).map((r) => r.get('name') as string));
  const missing = wanted.filter((statement) => !existing.has(schemaName(statement)));
  for (const statement of missing) await db.driver.executeQuery(statement, {}, { database: db.database });
  if (missing.some((statement) => schemaName(statement) === SEARCH_INDEX)) await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });
  wanted.forEach((statement) => known.add(schemaName(statement)));
}

/**
 * Relationship ids were first kept unique by the loader, with plain `rel_id_<type>` indexes; a uniqueness constraint
 * now does it (and lets the writer skip locking). A plain index on the same type and property would block it.
 */
async function dropLegacyRelationshipIndexes(db: Database, plainIndexes: string[]): Promise<void> {
  for (const name of plainIndexes.filter((n) => n.startsWith('rel_id_'))) await db.driver.executeQuery(`DROP INDEX \`${name}\` IF EXISTS`, {}, { database: db.database });
}

export async function loadPrepared(db: Database, seed: PreparedSeed, onProgress: (m: string) => void = () => {}): Promise<LoadSummary> {
  const started = Date.now();
  const types = [...new Set(seed.edges.map((e) => e.type))];
  onProgress('Creating constraints and indexes...');
  await ensureSchema(db, types);
  onProgress(`Writing ${seed.nodes.length} nodes, ${seed.edges.length} relationships and ${seed.evidence.length} evidence quotes in one transaction...`);
  await db.write((tx) => writeRows(tx, seed));
  return { nodes: seed.nodes.length, edges: seed.edges.length, evidence: seed.evidence.length, ms: Date.now() - started };
}

/**
 * Bulk mode, for loads too big for one transaction (a leak, a registry, `npm run bench`'s synthetic graphs):
 * the schema once, then each chunk in a transaction of its own, so memory stays bounded by the chunk. Rows are
 * merged on `id` as in `loadPrepared`, so loading again gives the same graph; but a failure part-way leaves the
 * chunks already written. Chunks must come in order: a chunk's relationships may only name nodes already loaded.
 */
export async function loadPreparedInChunks(
  db: Database,
  chunks: Iterable<PreparedSeed> | AsyncIterable<PreparedSeed>,
  relationshipTypes: string[] = [],
  onProgress: (m: string) => void = () => {},
): Promise<LoadSummary> {
  const started = Date.now();
  await ensureSchema(db, relationshipTypes);
  const total = { nodes: 0, edges: 0, evidence: 0 };
  for await (const chunk of chunks) {
    // Edges are read back through their type's id index, so a type not announced gets its index first (ensureSchema
    // remembers the ones it made: the announced types cost nothing here).
    await ensureSchema(db, [...new Set(chunk.edges.map((e) => e.type))]);
    await db.write((tx) => writeRows(tx, chunk));
    total.nodes += chunk.nodes.length;
    total.edges += chunk.edges.length;
    total.evidence += chunk.evidence.length;
    onProgress(`Written ${total.nodes} nodes, ${total.edges} relationships, ${total.evidence} evidence quotes...`);
  }
  return { ...total, ms: Date.now() - started };
}

/**
 * Quotes first, so each relationship's confidence can be read from its quotes once its evidence list is merged.
 * Exported for streamed imports, which write chunk after chunk in one transaction of their own. `importChange`: the
 * import's changeset id, set as CREATED_BY_IMPORT on every element this write creates (its revert deletes them).
 */
export async function writeRows(tx: ManagedTransaction, seed: PreparedSeed, importChange: string | null = null): Promise<void> {
  await inBatches(seed.records ?? [], (batch) => writeRecords(tx, batch, importChange));
  await inBatches(seed.evidence, (batch) =>
    tx.run(
      `UNWIND $rows AS row
       MERGE (e:${EVIDENCE_LABEL} {id: row.id})
       ON CREATE SET e.${CREATED_BY_IMPORT} = $importChange
       SET e.quote = row.quote, e.start = row.start, e.end = row.end, e.attribution = row.attribution,
           e.confidence = row.confidence, e.sourceId = row.sourceId, e.sourceVersion = toInteger(row.sourceVersion),
           e.claims = [c IN coalesce(e.claims, []) WHERE NOT c IN row.claims] + row.claims`,
      { rows: batch, importChange },
    ),
  );
  for (const [labels, rows] of groupBy(seed.nodes, (n) => n.labels.join(':'))) {
    await inBatches(rows, (batch) => writeNodes(tx, labels.split(':').filter(Boolean), batch, importChange));
  }
  for (const [type, rows] of groupBy(seed.edges, (e) => e.type)) {
    await inBatches(rows, (batch) => writeEdges(tx, type, batch, importChange));
  }
}

/** When and by whom a record was first imported stays; a later import of the dataset adds what it supports. */
function writeRecords(tx: ManagedTransaction, rows: RecordRow[], importChange: string | null) {
  return tx.run(
    `UNWIND $rows AS row
     MERGE (e:${EVIDENCE_LABEL} {id: row.id})
     ON CREATE SET e.importedAt = row.importedAt, e.importedBy = row.importedBy, e.${CREATED_BY_IMPORT} = $importChange
     SET e.kind = 'record', e.confidence = $level, e.dataset = row.dataset, e.file = row.file, e.recordId = row.recordId,
         e.schema = row.schema, e.sourceUrl = row.sourceUrl, e.publisher = row.publisher, e.proof = row.proof,
         e.claims = [c IN coalesce(e.claims, []) WHERE NOT c IN row.claims] + row.claims`,
    { rows, level: RECORD_CONFIDENCE, importChange },
  );
}

const SAFE_NAME = /^[A-Z][A-Za-z0-9_]*$/;
function writeNodes(tx: ManagedTransaction, labels: string[], rows: NodeRow[], importChange: string | null) {
  if (!labels.every((l) => SAFE_NAME.test(l))) throw new Error(`unsafe label in ${labels.join(',')}`);
  const labelClause = [ENTITY_LABEL, ...labels].map((l) => `:${l}`).join('');
  const batch = splitProperties(rows);
  return tx.run(
    `UNWIND $rows AS row
     MERGE (n:${ENTITY_LABEL} {id: row.id})
     ON CREATE SET n.${CREATED_BY_IMPORT} = $importChange
     SET n${labelClause}
     SET n += row.scalars
     ${uniteLists('n', batch.lists)}`,
    { rows: batch.rows, importChange },
  );
}

/**
 * Relationships that exist (by id) are updated, the others created: two statements, each an index seek per row.
 * Not `MERGE (a)-[r:T {id}]->(b)`: Neo4j plans a statement when it first runs it, and for a type with no
 * relationships yet it chose a scan of the type's id index and kept that plan as the type grew, so every row
 * scanned every relationship of its type (quadratic: one 10,000-row chunk took 128 s in `npm run bench` at 100k
 * nodes). `USING INDEX SEEK` holds the seek whatever the statistics; the type's uniqueness constraint stops two
 * loaders creating the same relationship. Then each one's confidence is read from all of its quotes.
 */
async function writeEdges(tx: ManagedTransaction, type: string, rows: EdgeRow[], importChange: string | null): Promise<void> {
  if (!SAFE_NAME.test(type)) throw new Error(`unsafe relationship type ${type}`);
  const batch = splitProperties(rows);
  const updated = await tx.run(
    `UNWIND $rows AS row
     MATCH ()-[r:${type} {id: row.id}]->() USING INDEX SEEK r:${type}(id)
     SET r += row.scalars
     ${uniteLists('r', batch.lists)}
     RETURN row.id AS id`,
    { rows: batch.rows },
  );
  const existing = new Set(updated.records.map((r) => r.get('id') as string));
  const created = batch.rows.filter((row) => !existing.has(row.id));
  if (created.length) {
    const result = await tx.run(
      `UNWIND $rows AS row
       MATCH (a:${ENTITY_LABEL} {id: row.source}), (b:${ENTITY_LABEL} {id: row.target})
       CREATE (a)-[r:${type} {id: row.id}]->(b)
       SET r += row.scalars, r += row.lists, r.${CREATED_BY_IMPORT} = $importChange
       RETURN count(r) AS written`,
      { rows: created, importChange },
    );
    const written = Number(result.records[0]?.get('written') ?? 0);
    if (written < created.length) {
      throw new MissingEndsError(`${created.length - written} of ${created.length} ${type} relationships name nodes that are not in the database`);
    }
  }
  await settleConfidence(tx, type, rows.map((r) => r.id));
}

/**
 * An edge's `confidence` is the firmest level among all its quotes (a dataset record after every quote), computed here, in the database, after its
 * evidence list was merged: a second source's weaker quote never lowers what the first one's established.
 * Quotes not (yet) in the database leave the value given.
 */
function settleConfidence(tx: ManagedTransaction, type: string, ids: string[]) {
  return tx.run(
    `UNWIND $ids AS id
     MATCH ()-[r:${type} {id: id}]->() USING INDEX SEEK r:${type}(id)
     CALL (r) {
       OPTIONAL MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN coalesce(r.evidence, [])
       RETURN collect(e.confidence) AS levels
     }
     SET r.confidence = coalesce(head([level IN $order WHERE level IN levels]), r.confidence)`,
    { ids, order: EVIDENCE_LEVELS },
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

async function inBatches<T>(items: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await write(items.slice(i, i + BATCH));
}
