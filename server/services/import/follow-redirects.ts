/**
 * Imports follow merges (docs/reporting.md "Imports"): before a chunk is checked, every id it names that a merge
 * took away (a dedup "same", a reporting merge: `_Redirect`s) is mapped to the entity or relationship that stayed, in
 * one lookup, so importing a file again writes onto the survivor and brings back nothing merged away.
 *
 * A survivor holds what its merge settled: the united lists, the values and kind chosen (a united relationship keeps
 * its own amounts), the other's name as an alias. So rows written onto one only add what it lacks: properties it does
 * not have, and the records they cite (`evidence`, united); its kind stays. A relationship the merge dropped because
 * it joined the two (it would loop) stays dropped.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL, REDIRECT_LABEL } from '../../../shared/model/graph-model.js';
import { findEdges } from '../edge-lookup.js';
import { resolveIds } from '../redirects.js';
import type { CheckedRows } from './check-rows.js';
import type { Located } from './import-document.js';
import type { GraphReader } from './stored-graph.js';

type Props = Record<string, unknown>;
interface Row { id: string; properties: Props; replace?: string[] }
interface Stored { labels?: string[]; properties: Props }

interface Merges {
  redirects: Record<string, string>;
  /** What merges left standing among the chunk's ids (after mapping), as stored. */
  survivors: Map<string, Stored>;
}

export async function followRedirects(db: GraphReader, rows: CheckedRows): Promise<void> {
  const named = new Set([...rows.nodes.keys(), ...rows.edges.keys()]);
  for (const { row } of rows.edges.values()) named.add(row.source).add(row.target);
  const merges = await db.read((tx) => readMerges(tx, [...named]));
  if (Object.keys(merges.redirects).length === 0 && merges.survivors.size === 0) return;
  const to = (id: string) => merges.redirects[id] ?? id;
  const claim = (c: string) => c.replace(/^[^#]+/, to);

  const nodes = [...rows.nodes.values()];
  rows.nodes.clear();
  for (const { row, where } of nodes) {
    const stored = merges.survivors.get(to(row.id));
    const mapped = { ...row, id: to(row.id) };
    put(rows.nodes, { where, row: stored ? { ...onSurvivor(mapped, stored), labels: stored.labels ?? row.labels } : mapped });
  }
  const edges = [...rows.edges.values()];
  rows.edges.clear();
  for (const { row, where } of edges) {
    const [source, target] = [to(row.source), to(row.target)];
    if (source === target && row.source !== row.target) continue;
    const stored = merges.survivors.get(to(row.id));
    const mapped = { ...row, id: to(row.id), source, target };
    put(rows.edges, { where, row: stored ? onSurvivor(mapped, stored) : mapped });
  }
  for (const { row } of [...rows.evidence.values(), ...(rows.records?.values() ?? [])]) row.claims = [...new Set(row.claims.map(claim))];
}

async function readMerges(tx: ManagedTransaction, ids: string[]): Promise<Merges> {
  const { redirects } = await resolveIds(tx, ids);
  const mapped = [...new Set(ids.map((id) => redirects[id] ?? id))];
  const { records } = await tx.run(
    `MATCH (r:${REDIRECT_LABEL}) WHERE r.to IN $ids
     WITH DISTINCT r.to AS id
     OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id})
     RETURN id, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'] AS labels, properties(n) AS properties`,
    { ids: mapped },
  );
  const survivors = new Map<string, Stored>();
  for (const r of records) {
    if (r.get('properties')) survivors.set(r.get('id') as string, { labels: r.get('labels') as string[], properties: r.get('properties') as Props });
  }
  const survivingEdges = records.map((r) => r.get('id') as string).filter((id) => !survivors.has(id));
  for (const { rel } of await findEdges(tx, survivingEdges)) survivors.set(String(rel.properties.id), { properties: rel.properties as Props });
  return { redirects, survivors };
}

/** Only what the survivor lacks: its own values stay; the row's evidence joins its own. */
function onSurvivor<T extends Row>(row: T, stored: Stored): T {
  const properties = Object.fromEntries(Object.entries(row.properties).filter(([name]) => name === 'evidence' || !(name in stored.properties)));
  return { ...row, properties, replace: [] };
}

/** Two rows that now name the same survivor become one: evidence united, the first row's values first. */
function put<T extends Row>(map: Map<string, Located<T>>, located: Located<T>): void {
  const first = map.get(located.row.id);
  if (!first) {
    map.set(located.row.id, located);
    return;
  }
  const properties = { ...first.row.properties };
  for (const [name, value] of Object.entries(located.row.properties)) {
    const had = properties[name];
    if (name === 'evidence' && Array.isArray(value) && Array.isArray(had)) properties[name] = [...new Set([...had, ...value])];
    else if (!(name in properties)) properties[name] = value;
  }
  map.set(located.row.id, { ...first, row: { ...first.row, properties } });
}
