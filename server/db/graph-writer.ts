/** Writes prepared rows into Neo4j: schema first (idempotent), then all data in one transaction. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from './neo4j.js';
import { CREATED_BY_IMPORT, RECORD_CONFIDENCE, REDIRECT_LABEL, RELATIONSHIP_ID_PREFIX } from '../../shared/model/graph-model.js';
import { SAFE_NAME } from './cypher-names.js';
import { newInLoad, type NewInLoad } from './new-rows.js';
import { writeNodes } from './node-writer.js';
import { writeEdges } from './relationship-writer.js';
import { inBatches } from './write-batches.js';

export { MissingEndsError } from './relationship-writer.js';

export const ENTITY_LABEL = 'Entity';
export const EVIDENCE_LABEL = 'Evidence';
export const SEARCH_INDEX = 'entity_search';

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
 * Creates what is missing, all at once: schema statements on different labels and types do not wait for each other,
 * and sent together they took a quarter of the time of one after the other, and half that of one transaction
 * (docs/performance.md "Cold start"). A uniqueness constraint is online when its statement returns; only the
 * full-text index fills in the background, so only its creation is waited for.
 */
export async function ensureSchema(db: Database, relationshipTypes: string[] = []): Promise<void> {
  if (await createSchema(db, relationshipTypes)) await awaitIndexes(db);
}

/** What ensureSchema does, without the wait: true when the full-text index was created and may still be filling. */
async function createSchema(db: Database, relationshipTypes: string[]): Promise<boolean> {
  const known = ensured.get(db) ?? new Set<string>();
  ensured.set(db, known);
  const wanted = schemaStatements(relationshipTypes).filter((statement) => !known.has(schemaName(statement)));
  if (!wanted.length) return false;
  const { records } = await db.driver.executeQuery('SHOW INDEXES YIELD name, owningConstraint RETURN name, owningConstraint', {}, { database: db.database });
  const existing = new Set(records.flatMap((r) => [r.get('name') as string, r.get('owningConstraint') as string | null]).filter((n) => n !== null));
  await dropLegacyRelationshipIndexes(db, records.filter((r) => r.get('owningConstraint') === null).map((r) => r.get('name') as string));
  const missing = wanted.filter((statement) => !existing.has(schemaName(statement)));
  await Promise.all(missing.map((statement) => db.driver.executeQuery(statement, {}, { database: db.database })));
  wanted.forEach((statement) => known.add(schemaName(statement)));
  return missing.some((statement) => schemaName(statement) === SEARCH_INDEX);
}

const awaitIndexes = (db: Database) => db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });

/** The offline importer replaced the database's files (server/db/offline-import): what ensureSchema made there is gone. */
export function forgetSchema(db: Database): void {
  ensured.delete(db);
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
  // The write needs the constraints only: a new full-text index fills while it runs, and is waited for after.
  const filling = await createSchema(db, types);
  onProgress(`Writing ${seed.nodes.length} nodes, ${seed.edges.length} relationships and ${seed.evidence.length} evidence quotes in one transaction...`);
  await db.write((tx) => writeRows(tx, seed));
  if (filling) await awaitIndexes(db);
  return { nodes: seed.nodes.length, edges: seed.edges.length, evidence: seed.evidence.length, ms: Date.now() - started };
}

/**
 * Bulk mode, for loads too big for one transaction (a leak, a registry, `npm run bench`'s synthetic graphs):
 * the schema once, then each chunk in a transaction of its own, so memory stays bounded by the chunk. Rows are
 * merged on `id` as in `loadPrepared`, so loading again gives the same graph; but a failure part-way leaves the
 * chunks already written. Chunks must come in order: a chunk's relationships may only name nodes already loaded.
 * Into a database with no Entity (no relationship) when the load begins, every chunk creates the nodes (relationships)
 * the load has not written before without looking for them (new-rows.ts), not only the first.
 */
export async function loadPreparedInChunks(
  db: Database,
  chunks: Iterable<PreparedSeed> | AsyncIterable<PreparedSeed>,
  relationshipTypes: string[] = [],
  onProgress: (m: string) => void = () => {},
): Promise<LoadSummary> {
  const started = Date.now();
  await ensureSchema(db, relationshipTypes);
  const newRows = await newInLoad(db);
  const total = { nodes: 0, edges: 0, evidence: 0 };
  for await (const chunk of chunks) {
    // Edges are read back through their type's id index, so a type not announced gets its index first (ensureSchema
    // remembers the ones it made: the announced types cost nothing here).
    await ensureSchema(db, [...new Set(chunk.edges.map((e) => e.type))]);
    await db.write((tx) => writeRows(tx, chunk, null, newRows));
    total.nodes += chunk.nodes.length;
    total.edges += chunk.edges.length;
    total.evidence += chunk.evidence.length;
    onProgress(`Written ${total.nodes} nodes, ${total.edges} relationships, ${total.evidence} evidence quotes...`);
  }
  return { ...total, ms: Date.now() - started };
}

/**
 * Quotes first, so each relationship's confidence can be read from its quotes once its evidence list is merged.
 * One statement per kind of row, whatever the labels and types (dynamic labels and types, `$(…)`): a cold server
 * plans a handful of statements instead of three per relationship type (docs/performance.md "Cold start").
 * Exported for streamed imports, which write chunk after chunk in one transaction of their own. `importChange`: the
 * import's changeset id, set as CREATED_BY_IMPORT on every element this write creates (its revert deletes them).
 * `newRows`: what a load of several transactions knows to be new (new-rows.ts); by default, what this one does.
 */
export async function writeRows(tx: ManagedTransaction, seed: PreparedSeed, importChange: string | null = null, newRows?: NewInLoad): Promise<void> {
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
  await writeNodes(tx, seed.nodes, importChange, newRows?.nodes);
  const levels = new Map<string, unknown>([
    ...seed.evidence.map((quote) => [quote.id, quote.confidence] as const),
    ...(seed.records ?? []).map((record) => [record.id, RECORD_CONFIDENCE] as const),
  ]);
  await writeEdges(tx, seed.edges, importChange, levels, newRows?.edges);
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
