import type { SavedView, SavedViewInput } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { slugify } from '../../shared/text/slug.js';
import { fromBase64Url, toBase64Url } from '../../shared/text/base64url.js';
import { resolveIds } from './redirects.js';

/** Not `Entity`: views never show up as part of the knowledge graph. */
const LABEL = '_SavedView';

export const viewId = (name: string) => `view:${slugify(name, 'untitled')}`;

export async function ensureViewSchema(db: Database): Promise<void> {
  await db.driver.executeQuery(`CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (v:${LABEL}) REQUIRE v.id IS UNIQUE`, {}, { database: db.database });
}

const FIELDS = 'v.id AS id, v.name AS name, v.nodeCount AS nodeCount, v.author AS author, toString(v.createdAt) AS createdAt, toString(v.updatedAt) AS updatedAt';

export async function listViews(db: Database): Promise<Omit<SavedView, 'state'>[]> {
  const result = await db.read((tx) => tx.run(`MATCH (v:${LABEL}) RETURN ${FIELDS} ORDER BY v.updatedAt DESC`));
  return result.records.map((r) => r.toObject() as Omit<SavedView, 'state'>);
}

/** A view that names entities merged since it was saved names the ones they were merged into (`redirects` says which). */
export async function getView(db: Database, id: string): Promise<SavedView> {
  return db.read(async (tx) => {
    const result = await tx.run(`MATCH (v:${LABEL} {id: $id}) RETURN ${FIELDS}, v.state AS state`, { id });
    const record = result.records[0];
    if (!record) throw new AppError('not_found', `No saved view ${id}`);
    const view = record.toObject() as SavedView;
    const decoded = decodedState(view.state);
    if (decoded === undefined) return view;
    const { redirects } = await resolveIds(tx, stringsIn(decoded));
    if (Object.keys(redirects).length === 0) return view;
    return { ...view, state: toBase64Url(JSON.stringify(renamed(decoded, redirects))), redirects };
  });
}

/**
 * The state is the app's encoding (base64url of JSON, app/graph/view-state.ts); the server reads no more of its
 * format than that, and renames every string equal to a merged id (ids are `kind:slug`, unlike any other value in it).
 */
function decodedState(state: string): unknown {
  try {
    return JSON.parse(fromBase64Url(state)) as unknown;
  } catch {
    return undefined;
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function renamed(value: unknown, redirects: Record<string, string>): unknown {
  if (typeof value === 'string') return redirects[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, redirects));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, redirects)]));
  return value;
}

/** Saving under an existing name replaces that view: names are what people share. `author` is who saves it. */
export async function saveView(db: Database, input: SavedViewInput, author: string): Promise<{ view: SavedView; created: boolean }> {
  const id = viewId(input.name);
  const result = await db.write((tx) =>
    tx.run(
      `MERGE (v:${LABEL} {id: $id})
       ON CREATE SET v.createdAt = datetime(), v.created = true
       ON MATCH SET v.created = false
       SET v.name = $name, v.state = $state, v.nodeCount = $nodeCount, v.author = $author, v.updatedAt = datetime()
       WITH v, v.created AS created REMOVE v.created
       RETURN ${FIELDS}, v.state AS state, created`,
      { id, ...input, author },
    ),
  );
  const { created, ...view } = result.records[0]!.toObject() as SavedView & { created: boolean };
  return { view, created };
}

export async function deleteView(db: Database, id: string): Promise<void> {
  const result = await db.write((tx) => tx.run(`MATCH (v:${LABEL} {id: $id}) DELETE v RETURN count(*) AS n`, { id }));
  if (!result.records[0]?.get('n')) throw new AppError('not_found', `No saved view ${id}`);
}
