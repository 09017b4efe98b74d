/** Helpers for the export and import tests: calls that return bytes, and a comparable picture of the whole graph. */
import type { Database } from '../../server/db/neo4j.js';
import { CREATED_BY_IMPORT } from '../../shared/model/graph-model.js';
import { rows } from './explore-api.js';

export interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
}

export async function postExport(url: string, body: unknown): Promise<Download> {
  const response = await fetch(`${url}/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

export async function postImport<T = unknown>(url: string, file: Uint8Array | string, query = '', contentType = 'application/octet-stream'): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}/import${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof file === 'string' ? file : new Uint8Array(file) });
  return { status: response.status, body: (await response.json()) as T };
}

export async function allEntityIds(db: Database): Promise<string[]> {
  return (await rows<{ id: string }>(db, 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id')).map((r) => r.id);
}

/**
 * Every node, relationship and evidence quote with all properties but the import's bookkeeping (which changeset
 * created it: an export carries no such thing), sorted, for before/after comparisons.
 */
export async function graphPicture(db: Database) {
  const nodes = await rows(db, 'MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id');
  for (const node of nodes) (node.labels as string[]).sort();
  const edges = await rows(db, 'MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties ORDER BY id');
  const evidence = await rows<{ properties: { claims?: string[] } }>(db, 'MATCH (e:Evidence) RETURN properties(e) AS properties ORDER BY e.id');
  for (const element of [...nodes, ...edges, ...evidence]) delete (element.properties as Record<string, unknown>)[CREATED_BY_IMPORT];
  // A quote's claims are a set: GraphML carries them per element, so their order may change on the way back.
  for (const quote of evidence) quote.properties.claims?.sort();
  return { nodes, edges, evidence };
}
