/** Per-element evidence for the formats that carry it on each node and edge (GraphML, GEXF, HTML). */
import type { EvidenceRow } from '../../db/graph-writer.js';
import { claimTarget } from '../evidence-service.js';
import type { ExportData } from './collect-subgraph.js';
import { stringList } from '../../db/to-graph.js';

export type EvidenceOf = (element: { id: string; properties: Record<string, unknown> }) => EvidenceRow[];

/**
 * The evidence rows an element's `evidence` property lists, in its order, each with only the claims about this
 * element: one quote may support thousands of elements, and repeating all its claims on each would grow the
 * file with the square of their number. The claims of all elements together are the quote's claims.
 */
export function evidenceLookup(data: ExportData): EvidenceOf {
  const rows = new Map(data.evidence.map((e) => [e.id, e]));
  const claims = new Map(data.evidence.map((e) => [e.id, byTarget(e.claims)]));
  return ({ id, properties }) => {
    const ids = stringList(properties.evidence);
    return ids
      .map((evidenceId) => rows.get(evidenceId))
      .filter((e): e is EvidenceRow => e !== undefined)
      .map((e) => ({ ...e, claims: claims.get(e.id)?.get(id) ?? [] }));
  };
}

function byTarget(claims: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const claim of claims) {
    const target = claimTarget(claim);
    const group = groups.get(target);
    if (group) group.push(claim);
    else groups.set(target, [claim]);
  }
  return groups;
}

/** Every node of a graph-shaped export: the chosen nodes, then cited sources that were not among them (with text). */
export function graphNodes(data: ExportData) {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const chosen = data.nodes.map((n) => sources.get(n.id) ?? n);
  const chosenIds = new Set(data.nodes.map((n) => n.id));
  return [...chosen, ...data.sources.filter((s) => !chosenIds.has(s.id))];
}
