/** Per-element evidence for the formats that carry it on each node and edge (GraphML, GEXF, HTML). */
import type { EvidenceRow } from '../../../graph-seed/prepare.js';
import type { ExportData } from './collect-subgraph.js';

export type EvidenceOf = (properties: Record<string, unknown>) => EvidenceRow[];

/** The evidence rows an element's `evidence` property lists, in its order. */
export function evidenceLookup(data: ExportData): EvidenceOf {
  const rows = new Map(data.evidence.map((e) => [e.id, e]));
  return (properties) => {
    const ids = Array.isArray(properties.evidence) ? properties.evidence.map(String) : [];
    return ids.map((id) => rows.get(id)).filter((e): e is EvidenceRow => e !== undefined);
  };
}

/** Every node of a graph-shaped export: the chosen nodes, then cited sources that were not among them (with text). */
export function graphNodes(data: ExportData) {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const chosen = data.nodes.map((n) => sources.get(n.id) ?? n);
  const chosenIds = new Set(data.nodes.map((n) => n.id));
  return [...chosen, ...data.sources.filter((s) => !chosenIds.has(s.id))];
}
