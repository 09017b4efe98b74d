/**
 * Redirects left by merges: `(:_Redirect {id, to})` says that an entity or relationship id now lives on as `to`.
 * Bookkeeping (a `_` label: no part of the graph, hidden from analysts' Cypher). Every read that takes ids asks here,
 * so an old id works everywhere: single-id reads answer 308 (notFoundOrMoved), lists map it and say so.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { REDIRECT_LABEL } from '../../shared/model/graph-model.js';
import { ensureSchema } from '../db/graph-writer.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';

/**
 * The redirects' id constraint (in the graph's schema, so every load makes it), for a database loaded before it
 * existed; `ensureSchema` remembers per database what it made, so this is free after the first call.
 */
export const ensureRedirectSchema = (db: Database): Promise<void> => ensureSchema(db);

export interface Resolved {
  /** The ids asked for, each redirected one replaced by its target (order kept, duplicates dropped). */
  ids: string[];
  /** `{old: new}` for each id that was redirected. */
  redirects: Record<string, string>;
}

/** Chains are collapsed when written (A→B then B→C stores A→C), so one lookup resolves every id. */
export async function resolveIds(tx: ManagedTransaction, ids: readonly string[]): Promise<Resolved> {
  if (ids.length === 0) return { ids: [], redirects: {} };
  const { records } = await tx.run(`MATCH (r:${REDIRECT_LABEL}) WHERE r.id IN $ids RETURN r.id AS id, r.to AS to`, { ids: [...new Set(ids)] });
  const redirects: Record<string, string> = Object.fromEntries(records.map((r) => [r.get('id') as string, r.get('to') as string]));
  return { ids: [...new Set(ids.map((id) => redirects[id] ?? id))], redirects };
}

export async function redirectOf(tx: ManagedTransaction, id: string): Promise<string | undefined> {
  return (await resolveIds(tx, [id])).redirects[id];
}

/**
 * For a single-id read that found nothing: 308 to the same URL with the new id in place of the old one when the id was
 * merged away (the error middleware writes the Location), else 404.
 */
export async function notFoundOrMoved(tx: ManagedTransaction, id: string, notFound: string): Promise<AppError> {
  const to = await redirectOf(tx, id);
  if (!to) return new AppError('not_found', notFound);
  return new AppError('moved', `${id} was merged into ${to}`, [{ where: 'params.id', message: to }], { moved: { from: id, to } });
}

/** Ids (these, and those of redirects already pointing at them) whose redirect a merge of them writes. */
export async function redirectsInto(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  const { records } = await tx.run(`MATCH (r:${REDIRECT_LABEL}) WHERE r.to IN $ids RETURN r.id AS id`, { ids });
  return [...ids, ...records.map((r) => r.get('id') as string)];
}

/** `from → to`, and every redirect that ended at `from` now ends at `to`. */
export async function addRedirect(tx: ManagedTransaction, from: string, to: string): Promise<void> {
  await tx.run(`MATCH (r:${REDIRECT_LABEL} {to: $from}) SET r.to = $to`, { from, to });
  await tx.run(`MERGE (r:${REDIRECT_LABEL} {id: $from}) SET r.to = $to`, { from, to });
}
