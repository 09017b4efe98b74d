/** The saved-query library: what may be saved, edited, restored and run. Routes and the command line call this. */
import type { RunResult, SavedQuery, SavedQueryHistory } from '../../../shared/contract/index.js';
import { SavedQueryInputSchema } from '../../../shared/contract/index.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { checkCypher, runCypher, type Caller, type QueryLimits } from './cypher-runner.js';
import { bindParams, checkDeclarations, plainParams } from './param-validation.js';
import * as store from './saved-query-store.js';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { resolveIds } from '../redirects.js';
type Content = store.QueryContent;

const notFound = (id: string) => new AppError('not_found', `No saved query with id ${id}`);

/** The Cypher must pass the read-only checks and use only declared parameters, or it is not saved. */
async function validate(db: Database, content: Content, limits: QueryLimits): Promise<void> {
  const used = await checkCypher(db, content.cypher, { limits, where: 'cypher' });
  checkDeclarations(content.parameters, used);
}

async function assertNameFree(db: Database, name: string, ownId?: string): Promise<void> {
  const holder = await store.idForName(db, name);
  if (holder && holder !== ownId) throw new AppError('bad_request', `A saved query named "${name.trim()}" already exists (id ${holder}).`, [{ where: 'body.name', message: 'is taken' }]);
}

/** Two saves racing for one name or id: the database's unique constraints decide, and the loser gets this. */
function onConstraint(name: string) {
  return (err: unknown): never => {
    const e = err as { code?: string; message?: string };
    if (e.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && /`_SavedQuery` and property `(nameKey|id)`/.test(e.message ?? '')) {
      throw new AppError('bad_request', `A saved query named "${name.trim()}" already exists.`, [{ where: 'body.name', message: 'is taken' }]);
    }
    throw err;
  };
}

/** `author` is who saves it: the logged-in user (never a name from the request body). */
export async function createSavedQuery(db: Database, input: Content, author: string, limits: QueryLimits): Promise<SavedQuery> {
  await assertNameFree(db, input.name);
  await validate(db, input, limits);
  return store.insertQuery(db, input, author).catch(onConstraint(input.name));
}

export async function updateSavedQuery(db: Database, id: string, input: Content & { baseVersion?: number }, author: string, limits: QueryLimits): Promise<SavedQuery> {
  const current = await store.getQuery(db, id);
  if (!current) throw notFound(id);
  if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
    throw new AppError(
      'bad_request',
      `The query was changed by ${current.author} (now version ${current.version}) since version ${input.baseVersion} was opened; reload it and apply your edit again.`,
      [{ where: 'body.baseVersion', message: `is ${input.baseVersion}, the query is at ${current.version}` }],
    );
  }
  if (sameContent(current, input)) return current;
  await assertNameFree(db, input.name, id);
  await validate(db, input, limits);
  const updated = await store.updateQuery(db, id, input, author).catch(onConstraint(input.name));
  if (!updated) throw notFound(id);
  return updated;
}

export async function restoreSavedQuery(db: Database, id: string, version: number, author: string, limits: QueryLimits): Promise<SavedQuery> {
  const current = await store.getQuery(db, id);
  if (!current) throw notFound(id);
  const old = await store.getVersion(db, id, version);
  if (!old) throw new AppError('not_found', `Saved query ${id} has no version ${version} (it is at version ${current.version}).`);
  return updateSavedQuery(db, id, old, author, limits);
}

export async function deleteSavedQuery(db: Database, id: string): Promise<void> {
  if (!(await store.deleteQuery(db, id))) throw notFound(id);
}

export async function getSavedQuery(db: Database, id: string): Promise<SavedQuery> {
  const query = await store.getQuery(db, id);
  if (!query) throw notFound(id);
  return query;
}

export async function savedQueryHistory(db: Database, id: string): Promise<SavedQueryHistory> {
  await getSavedQuery(db, id);
  return { id, versions: await store.listVersions(db, id) };
}

/** `caller` (the API's) counts the run against the concurrency limits; the command line has none. */
export async function runSavedQuery(db: Database, query: SavedQuery, given: Record<string, unknown>, limits: QueryLimits, caller?: Caller): Promise<RunResult> {
  const bound = bindParams(query.parameters, given);
  const { redirects } = await db.read((tx) => resolveIds(tx, bound.nodeIds.map((n) => n.id)));
  const nodeIds = bound.nodeIds.map((n) => ({ ...n, id: redirects[n.id] ?? n.id }));
  const params = { ...bound.params, ...Object.fromEntries(nodeIds.map((n) => [n.name, n.id])) };
  await assertNodesExist(db, nodeIds);
  const result = await runCypher(db, query.cypher, params, { limits, where: 'cypher', caller });
  return Object.keys(redirects).length ? { ...result, redirects } : result;
}

export async function runAdhoc(db: Database, query: string, params: Record<string, unknown>, limits: QueryLimits, caller?: Caller): Promise<RunResult> {
  return runCypher(db, query, plainParams(params) as Record<string, unknown>, { limits, where: 'body.query', caller });
}

async function assertNodesExist(db: Database, nodeIds: { name: string; id: string }[]): Promise<void> {
  if (nodeIds.length === 0) return;
  const result = await db.read((tx) => tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN collect(n.id) AS found`, { ids: nodeIds.map((n) => n.id) }));
  const found = new Set(result.records[0]?.get('found') as string[]);
  const missing = nodeIds.filter((n) => !found.has(n.id));
  if (missing.length) {
    const details = missing.map((n) => ({ where: `params.${n.name}`, message: `no node has the id ${n.id}` }));
    throw new AppError('bad_request', `Invalid parameters: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`, details);
  }
}

function sameContent(a: store.QueryContent, b: store.QueryContent): boolean {
  const pick = (c: store.QueryContent) => JSON.stringify([c.name.trim(), c.description, c.cypher, c.parameters, c.tags]);
  return pick(a) === pick(b);
}

/** A saved query from any source (a YAML file, a script), with the API's defaults and validation. */
export function parseQueryInput(raw: unknown): Content {
  const parsed = SavedQueryInputSchema.safeParse(raw);
  if (!parsed.success) throw AppError.fromZod(parsed.error, 'body');
  return parsed.data;
}
