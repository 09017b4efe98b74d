/**
 * Saved queries in Neo4j, apart from the knowledge graph:
 *   (:_SavedQuery {id, name, nameKey, description, cypher, parameters, tags, author, createdAt, updatedAt, version})
 *   (:_SavedQueryVersion {queryId, version, name, description, cypher, parameters, tags, author, savedAt})
 * Neither carries the `Entity` label, so search, schema, exploration and exports never see them.
 * `parameters` is a list of maps, which a Neo4j property cannot hold: it is stored as a JSON string.
 * Every saved state is a version (the current one included); a restore saves an old state as a new version.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { QueryParameterSchema, type QueryParameter, type SavedQuery, type SavedQueryVersion } from '../../../shared/contract/index.js';
import type { Database } from '../../db/neo4j.js';
import { toPlain } from '../../db/to-graph.js';
import { slugify as slugText } from '../../../shared/text/slug.js';

export const QUERY_LABEL = '_SavedQuery';
export const VERSION_LABEL = '_SavedQueryVersion';

export interface QueryContent {
  name: string;
  description: string;
  cypher: string;
  parameters: QueryParameter[];
  tags: string[];
}

const ensured = new WeakSet<Database>();

/** Constraints for the saved queries; run once per connection, safe to run again. */
export async function ensureQuerySchema(db: Database): Promise<void> {
  if (ensured.has(db)) return;
  for (const statement of [
    `CREATE CONSTRAINT saved_query_id IF NOT EXISTS FOR (q:${QUERY_LABEL}) REQUIRE q.id IS UNIQUE`,
    `CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:${QUERY_LABEL}) REQUIRE q.nameKey IS UNIQUE`,
    `CREATE CONSTRAINT saved_query_version IF NOT EXISTS FOR (v:${VERSION_LABEL}) REQUIRE (v.queryId, v.version) IS UNIQUE`,
  ]) {
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  ensured.add(db);
}

/** Names are unique regardless of case and surrounding spaces. */
export const nameKey = (name: string) => name.trim().toLowerCase();

/** "Who investigated whom?" → "who-investigated-whom". */
export const slugify = (name: string) => slugText(name, 'query');

const FIELDS = 'id: q.id, name: q.name, description: q.description, cypher: q.cypher, parameters: q.parameters, tags: q.tags, author: q.author, createdAt: q.createdAt, updatedAt: q.updatedAt, version: q.version';

/** What a query and each of its versions both hold, from a returned map made plain. */
function storedContent(p: Record<string, unknown>): QueryContent & { author: string } {
  return {
    name: p.name as string,
    description: (p.description as string | null) ?? '',
    cypher: p.cypher as string,
    parameters: parseParameters(p.parameters),
    tags: (p.tags as string[] | null) ?? [],
    author: p.author as string,
  };
}

function toSavedQuery(row: Record<string, unknown>): SavedQuery {
  const p = toPlain(row) as Record<string, unknown>;
  return {
    id: p.id as string,
    ...storedContent(p),
    createdAt: p.createdAt as string,
    updatedAt: p.updatedAt as string,
    version: p.version as number,
  };
}

function toVersion(row: Record<string, unknown>): SavedQueryVersion {
  const p = toPlain(row) as Record<string, unknown>;
  return { version: p.version as number, ...storedContent(p), savedAt: p.savedAt as string };
}

function parseParameters(json: unknown): QueryParameter[] {
  if (typeof json !== 'string') return [];
  return QueryParameterSchema.array().parse(JSON.parse(json));
}

export async function listQueries(db: Database, filter: { q?: string; tag?: string }): Promise<SavedQuery[]> {
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (q:${QUERY_LABEL})
       WHERE ($q IS NULL OR toLower(q.name) CONTAINS $q OR toLower(q.description) CONTAINS $q OR any(t IN q.tags WHERE toLower(t) CONTAINS $q))
         AND ($tag IS NULL OR any(t IN q.tags WHERE toLower(t) = $tag))
       RETURN {${FIELDS}} AS query ORDER BY toLower(q.name)`,
      { q: filter.q ? filter.q.toLowerCase() : null, tag: filter.tag ? filter.tag.toLowerCase() : null },
    ),
  );
  return result.records.map((r) => toSavedQuery(r.get('query')));
}

export async function getQuery(db: Database, id: string): Promise<SavedQuery | null> {
  const result = await db.read((tx) => tx.run(`MATCH (q:${QUERY_LABEL} {id: $id}) RETURN {${FIELDS}} AS query`, { id }));
  const record = result.records[0];
  return record ? toSavedQuery(record.get('query')) : null;
}

/** A query by id, or else by name (case-insensitive): what the command line accepts. */
export async function findQuery(db: Database, idOrName: string): Promise<SavedQuery | null> {
  const result = await db.read((tx) =>
    tx.run(`MATCH (q:${QUERY_LABEL}) WHERE q.id = $id OR q.nameKey = $key RETURN {${FIELDS}} AS query ORDER BY q.id = $id DESC LIMIT 1`, {
      id: idOrName.trim(),
      key: nameKey(idOrName),
    }),
  );
  const record = result.records[0];
  return record ? toSavedQuery(record.get('query')) : null;
}

/** The id of the query with this name, if any. */
export async function idForName(db: Database, name: string): Promise<string | null> {
  const result = await db.read((tx) => tx.run(`MATCH (q:${QUERY_LABEL} {nameKey: $key}) RETURN q.id AS id`, { key: nameKey(name) }));
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}

/** Creates a query under a free id derived from its name (`name`, `name-2`, ...). */
export async function insertQuery(db: Database, content: QueryContent, author: string): Promise<SavedQuery> {
  await ensureQuerySchema(db);
  const base = slugify(content.name);
  const id = await db.write(async (tx) => {
    const taken = await tx.run(`MATCH (q:${QUERY_LABEL}) WHERE q.id = $base OR q.id STARTS WITH $prefix RETURN collect(q.id) AS ids`, { base, prefix: `${base}-` });
    const ids = new Set(taken.records[0]?.get('ids') as string[]);
    let candidate = base;
    for (let n = 2; ids.has(candidate); n++) candidate = `${base}-${n}`;
    // Versions left behind by a query deleted outside Threadline would clash with the new history.
    await tx.run(`MATCH (v:${VERSION_LABEL} {queryId: $id}) DELETE v`, { id: candidate });
    await tx.run(
      `CREATE (q:${QUERY_LABEL} {id: $id, createdAt: datetime(), version: 0})
       WITH q ${setContent}`,
      { id: candidate, ...contentParams(content), author },
    );
    await saveVersion(tx, candidate);
    return candidate;
  });
  return (await getQuery(db, id))!;
}

const setContent = `SET q.name = $name, q.nameKey = $nameKey, q.description = $description, q.cypher = $cypher,
  q.parameters = $parameters, q.tags = $tags, q.author = $author, q.updatedAt = datetime(), q.version = q.version + 1`;

function contentParams(content: QueryContent) {
  return {
    name: content.name.trim(),
    nameKey: nameKey(content.name),
    description: content.description,
    cypher: content.cypher,
    parameters: JSON.stringify(content.parameters),
    tags: content.tags,
  };
}

function saveVersion(tx: ManagedTransaction, id: string) {
  return tx.run(
    `MATCH (q:${QUERY_LABEL} {id: $id})
     CREATE (:${VERSION_LABEL} {queryId: q.id, version: q.version, name: q.name, description: q.description, cypher: q.cypher,
       parameters: q.parameters, tags: q.tags, author: q.author, savedAt: q.updatedAt})`,
    { id },
  );
}

/** Saves new content as the next version; returns null when the query does not exist. */
export async function updateQuery(db: Database, id: string, content: QueryContent, author: string): Promise<SavedQuery | null> {
  await ensureQuerySchema(db);
  const found = await db.write(async (tx) => {
    const result = await tx.run(`MATCH (q:${QUERY_LABEL} {id: $id}) ${setContent} RETURN q.id AS id`, { id, ...contentParams(content), author });
    if (result.records.length === 0) return false;
    await saveVersion(tx, id);
    return true;
  });
  return found ? getQuery(db, id) : null;
}

export async function deleteQuery(db: Database, id: string): Promise<boolean> {
  const result = await db.write((tx) =>
    tx.run(
      `MATCH (q:${QUERY_LABEL} {id: $id})
       OPTIONAL MATCH (v:${VERSION_LABEL} {queryId: $id})
       DETACH DELETE q, v
       RETURN count(DISTINCT q) AS deleted`,
      { id },
    ),
  );
  return (result.records[0]?.get('deleted') as number) > 0;
}

export async function listVersions(db: Database, id: string): Promise<SavedQueryVersion[]> {
  const result = await db.read((tx) =>
    tx.run(
      `MATCH (v:${VERSION_LABEL} {queryId: $id})
       RETURN {version: v.version, name: v.name, description: v.description, cypher: v.cypher, parameters: v.parameters,
               tags: v.tags, author: v.author, savedAt: v.savedAt} AS version
       ORDER BY v.version DESC`,
      { id },
    ),
  );
  return result.records.map((r) => toVersion(r.get('version')));
}

export async function getVersion(db: Database, id: string, version: number): Promise<SavedQueryVersion | null> {
  return (await listVersions(db, id)).find((v) => v.version === version) ?? null;
}
