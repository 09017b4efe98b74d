/**
 * Gathers what an export holds: the chosen nodes with every property, the relationships among them, the evidence
 * behind both, and the sources that evidence cites (with their full text). Neo4j values become plain JSON.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type { ExportOptions } from '../../../shared/contract/export.js';
import { EXPORT_NODE_CAP } from '../../../shared/contract/export.js';
import type { Database } from '../../db/neo4j.js';
import { stringList, toPlain } from '../../db/to-graph.js';
import { AppError } from '../../errors.js';
import type { EdgeRow, EvidenceRow, NodeRow } from '../../db/graph-writer.js';
import { findEdges } from '../edge-lookup.js';
import { claimTarget } from '../evidence-service.js';
import { runSavedQuery, getSavedQuery } from '../queries/saved-queries.js';
import type { QueryLimits } from '../queries/cypher-runner.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
import { graphPropertyKinds } from './graph-property-kinds.js';
import { refuseMissingIds } from './missing-ids.js';
import type { PropertyKinds } from './property-types.js';
import { resolveIds } from '../redirects.js';

export type Selection =
  | { kind: 'ids'; ids: string[]; edgeIds?: string[] }
  | { kind: 'query'; queryId: string; params: Record<string, unknown> };

export interface ExportData {
  title: string;
  exportedAt: string;
  selection: Selection;
  /** The chosen nodes; a Source among them is here without its `text` (that is in `sources`). */
  nodes: NodeRow[];
  edges: EdgeRow[];
  evidence: EvidenceRow[];
  /** Every Source node the evidence cites or the selection holds, with its full text. */
  sources: NodeRow[];
  /** `{old: new}` for selected ids merged into another entity (the export holds the new one). */
  redirects: Record<string, string>;
  positions: NonNullable<ExportOptions['positions']>;
  /**
   * Each property key's kind over the whole graph, so a key is typed alike in every export; only gathered (a scan of
   * the whole graph) for formats with typed columns (`propertyKinds`), else empty.
   */
  kinds: PropertyKinds;
}

const NO_KINDS: PropertyKinds = { node: new Map(), edge: new Map() };

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function collectSubgraph(
  db: Database,
  selection: Selection,
  options: ExportOptions & { limits: QueryLimits; maxNodes?: number; propertyKinds?: boolean },
): Promise<ExportData> {
  const { nodeIds, edgeIds, redirects } = await chosenIds(db, selection, options.limits);
  const maxNodes = options.maxNodes ?? EXPORT_NODE_CAP;
  if (nodeIds.length > maxNodes) {
    throw new AppError('payload_too_large', `The export holds ${nodeIds.length} nodes, over the limit of ${maxNodes}; export a smaller selection.`);
  }
  return db.read(async (tx) => {
    const nodes = (await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n`, { ids: nodeIds })).records.map((r) => nodeRow(r.get('n') as Node));
    const { edges, foundEdgeIds } = await edgesAmong(tx, nodes.map((n) => n.id), edgeIds);
    if (selection.kind === 'ids') {
      const followed = (ids: readonly string[]) => ids.map((id) => redirects[id] ?? id);
      refuseMissingIds(followed(selection.ids), followed(selection.edgeIds ?? []), new Set(nodes.map((n) => n.id)), foundEdgeIds);
    }
    const evidenceIds = [...new Set([...nodes, ...edges].flatMap((e) => stringList(e.properties.evidence)))];
    const kept = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    const evidence = await fetchEvidenceRows(tx, evidenceIds, kept);
    const sourceIds = [...new Set([...evidence.map((e) => e.sourceId), ...nodes.filter(isSource).map((n) => n.id)])];
    const sources = (await tx.run(`MATCH (s:${ENTITY_LABEL}:Source) WHERE s.id IN $ids RETURN s`, { ids: sourceIds })).records.map((r) => nodeRow(r.get('s') as Node));
    return {
      title: options.title || defaultTitle(selection),
      exportedAt: new Date().toISOString(),
      selection,
      nodes: nodes.map((n) => (isSource(n) ? { ...n, properties: withoutText(n.properties) } : n)).sort(byId),
      edges: edges.sort(byId),
      evidence: evidence.sort(byId),
      sources: sources.sort(byId),
      positions: options.positions ?? {},
      kinds: options.propertyKinds ? await graphPropertyKinds(tx, [...nodes, ...sources], edges) : NO_KINDS,
      redirects,
    };
  });
}

/** Node ids (and, for a query, the relationship ids it returned) of the selection, merged ids followed. */
async function chosenIds(db: Database, selection: Selection, limits: QueryLimits): Promise<{ nodeIds: string[]; edgeIds?: string[]; redirects: Record<string, string> }> {
  if (selection.kind === 'ids') {
    return db.read(async (tx) => {
      const nodes = await resolveIds(tx, selection.ids);
      const edges = selection.edgeIds && (await resolveIds(tx, selection.edgeIds));
      return { nodeIds: nodes.ids, edgeIds: edges?.ids, redirects: { ...nodes.redirects, ...edges?.redirects } };
    });
  }
  const query = await getSavedQuery(db, selection.queryId);
  const result = await runSavedQuery(db, query, selection.params, limits);
  return { nodeIds: result.graph.nodes.map((n) => n.id), edgeIds: result.graph.edges.map((e) => e.id), redirects: result.redirects ?? {} };
}

/** The relationships among the nodes (only `edgeIds`, when given), and which of `edgeIds` name a relationship at all. */
async function edgesAmong(tx: ManagedTransaction, nodeIds: string[], edgeIds: string[] | undefined): Promise<{ edges: EdgeRow[]; foundEdgeIds: Set<string> }> {
  const inside = new Set(nodeIds);
  if (edgeIds) {
    const found = (await findEdges(tx, edgeIds)).map((f) => edgeRow(f.rel, f.source, f.target));
    return { edges: found.filter((e) => inside.has(e.source) && inside.has(e.target)), foundEdgeIds: new Set(found.map((e) => e.id)) };
  }
  const result = await tx.run(
    `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL}) WHERE a.id IN $ids AND b.id IN $ids AND r.id IS NOT NULL RETURN a, r, b`,
    { ids: nodeIds },
  );
  return { edges: result.records.map((r) => edgeRow(r.get('r') as Relationship, r.get('a') as Node, r.get('b') as Node)), foundEdgeIds: new Set() };
}

/** Evidence rows, their `claims` cut down to what the export holds (an importer unions claims, so nothing is lost). */
async function fetchEvidenceRows(tx: ManagedTransaction, ids: string[], kept: ReadonlySet<string>): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(`MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids RETURN e`, { ids });
  return result.records.map((r) => {
    const p = toPlain((r.get('e') as Node).properties) as Record<string, unknown>;
    return {
      id: String(p.id),
      quote: String(p.quote ?? ''),
      start: Number(p.start ?? 0),
      end: Number(p.end ?? 0),
      attribution: String(p.attribution ?? ''),
      confidence: String(p.confidence ?? ''),
      sourceId: String(p.sourceId ?? ''),
      claims: stringList(p.claims).filter((c) => kept.has(claimTarget(c))),
      ...(typeof p.sourceVersion === 'number' ? { sourceVersion: p.sourceVersion } : {}),
    };
  });
}

function nodeRow(node: Node): NodeRow {
  const { id, ...properties } = toPlain(node.properties) as Record<string, unknown>;
  return { id: String(id), labels: node.labels.filter((l) => l !== ENTITY_LABEL), properties };
}

function edgeRow(rel: Relationship, source: Node, target: Node): EdgeRow {
  const { id, ...properties } = toPlain(rel.properties) as Record<string, unknown>;
  return { id: String(id), type: rel.type, source: String(source.properties.id), target: String(target.properties.id), properties };
}

function isSource(node: NodeRow): boolean {
  return node.labels.includes('Source');
}

function withoutText(properties: Record<string, unknown>): Record<string, unknown> {
  const { text: _text, ...rest } = properties;
  return rest;
}


function defaultTitle(selection: Selection): string {
  return selection.kind === 'query' ? `Threadline query ${selection.queryId}` : 'Threadline export';
}
