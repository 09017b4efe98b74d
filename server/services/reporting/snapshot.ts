/**
 * The state of the graph elements a write touches, before and after it: what a changeset keeps so that reverting it
 * is putting `before` back. A missing element is `null` (reverting its creation deletes it).
 */
import type { ManagedTransaction, Node } from 'neo4j-driver';
import { CREATED_BY_IMPORT, ENTITY_LABEL, EVIDENCE_LABEL, REDIRECT_LABEL } from '../../../shared/model/graph-model.js';
import { toPlain } from '../../db/to-graph.js';
import { safeName } from '../../db/cypher-names.js';
import { findEdges } from '../edge-lookup.js';
import { resolveIds } from '../redirects.js';

export type Props = Record<string, unknown>;
export interface NodeState { labels: string[]; properties: Props }
export interface EdgeState { type: string; source: string; target: string; properties: Props }
export interface Snapshot {
  nodes: Record<string, NodeState | null>;
  edges: Record<string, EdgeState | null>;
  evidence: Record<string, Props | null>;
  /** Merged-away ids and where they redirect (absent in changesets written before merges existed). */
  redirects?: Record<string, string | null>;
}
/** Ids of what a write touches, by kind. */
export interface Touched { nodes: string[]; edges: string[]; evidence: string[]; redirects?: string[] }

export const touchedIds = (t: Touched): string[] => [...new Set([...t.nodes, ...t.edges, ...t.evidence, ...(t.redirects ?? [])])];
export const touchedOf = (s: Snapshot): Touched => ({
  nodes: Object.keys(s.nodes),
  edges: Object.keys(s.edges),
  evidence: Object.keys(s.evidence),
  redirects: Object.keys(s.redirects ?? {}),
});

/** Every property, the import mark too (toPlain leaves it out): putting a state back must keep who created it. */
const plain = (properties: Props) => {
  const mark = properties[CREATED_BY_IMPORT];
  return { ...(toPlain(properties) as Props), ...(mark !== undefined && { [CREATED_BY_IMPORT]: mark }) };
};

export async function takeSnapshot(tx: ManagedTransaction, touched: Touched): Promise<Snapshot> {
  const snapshot: Snapshot = { nodes: {}, edges: {}, evidence: {} };
  for (const id of touched.nodes) snapshot.nodes[id] = null;
  for (const id of touched.edges) snapshot.edges[id] = null;
  for (const id of touched.evidence) snapshot.evidence[id] = null;
  const nodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n`, { ids: touched.nodes });
  for (const record of nodes.records) {
    const node = record.get('n') as Node;
    snapshot.nodes[String(node.properties.id)] = { labels: node.labels.filter((l) => l !== ENTITY_LABEL), properties: plain(node.properties) };
  }
  for (const { rel, source, target } of await findEdges(tx, touched.edges)) {
    snapshot.edges[String(rel.properties.id)] = { type: rel.type, source: String(source.properties.id), target: String(target.properties.id), properties: plain(rel.properties) };
  }
  const evidence = await tx.run(`MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids RETURN e`, { ids: touched.evidence });
  for (const record of evidence.records) {
    const e = record.get('e') as Node;
    snapshot.evidence[String(e.properties.id)] = plain(e.properties);
  }
  if (touched.redirects?.length) {
    const { redirects } = await resolveIds(tx, touched.redirects);
    snapshot.redirects = Object.fromEntries(touched.redirects.map((id) => [id, redirects[id] ?? null]));
  }
  return snapshot;
}

/** Puts every element of the snapshot back as it was: created, updated in full, or deleted. */
export async function restoreSnapshot(tx: ManagedTransaction, snapshot: Snapshot): Promise<void> {
  for (const [id, state] of Object.entries(snapshot.nodes)) {
    if (!state) continue;
    const labels = state.labels.map((l) => `:${safeName(l)}`).join('');
    const merged = await tx.run(`MERGE (n:${ENTITY_LABEL} {id: $id}) SET n = $properties SET n${labels} RETURN labels(n) AS labels`, { id, properties: state.properties });
    // A merge may have given the node another kind: the labels it did not have go.
    const extra = (merged.records[0]!.get('labels') as string[]).filter((l) => l !== ENTITY_LABEL && !state.labels.includes(l));
    if (extra.length) await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) REMOVE n${extra.map((l) => `:${safeName(l)}`).join('')}`, { id });
  }
  for (const [id, state] of Object.entries(snapshot.edges)) {
    const [found] = await findEdges(tx, [id]);
    const same = found && state && found.rel.type === state.type && found.source.properties.id === state.source && found.target.properties.id === state.target;
    if (found && !same) await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $element DELETE r', { element: found.rel.elementId });
    if (!state) continue;
    if (same) {
      await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $element SET r = $properties', { element: found.rel.elementId, properties: state.properties });
    } else {
      // Absent, or moved to other ends or another type (a merge): made again where it was.
      await tx.run(
        `MATCH (a:${ENTITY_LABEL} {id: $source}), (b:${ENTITY_LABEL} {id: $target}) CREATE (a)-[r:${safeName(state.type)}]->(b) SET r = $properties`,
        { source: state.source, target: state.target, properties: state.properties },
      );
    }
  }
  for (const [id, state] of Object.entries(snapshot.evidence)) {
    if (state) await tx.run(`MERGE (e:${EVIDENCE_LABEL} {id: $id}) SET e = $properties`, { id, properties: state });
    else await tx.run(`MATCH (e:${EVIDENCE_LABEL} {id: $id}) DETACH DELETE e`, { id });
  }
  for (const [id, to] of Object.entries(snapshot.redirects ?? {})) {
    if (to) await tx.run(`MERGE (r:${REDIRECT_LABEL} {id: $id}) SET r.to = $to`, { id, to });
    else await tx.run(`MATCH (r:${REDIRECT_LABEL} {id: $id}) DELETE r`, { id });
  }
  const deleted = Object.entries(snapshot.nodes).filter(([, state]) => !state).map(([id]) => id);
  if (deleted.length) await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids DETACH DELETE n`, { ids: deleted });
}
