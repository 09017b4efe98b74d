/**
 * Checks what an import's rows point at, in the file or else in the database: edge ends, evidence ids, the
 * source each quote cites (and that the quote is verbatim at its offsets in that source's text). Also finds
 * which ids already exist, so a preview can say what will be created and what merged.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/neo4j.js';
import { findEdges } from '../edge-lookup.js';
import type { CheckedRows } from './check-rows.js';
import type { Problems } from './import-document.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
export interface Existing {
  nodes: Set<string>;
  edges: Set<string>;
  evidence: Set<string>;
}

interface StoredNode { id: string; isSource: boolean; text: string | null }
interface StoredEdge { id: string; type: string; source: string; target: string }

async function lookUp(tx: ManagedTransaction, rows: CheckedRows) {
  const nodeIds = new Set([...rows.nodes.keys()]);
  for (const { row } of rows.edges.values()) nodeIds.add(row.source).add(row.target);
  for (const { row } of rows.evidence.values()) nodeIds.add(row.sourceId);
  const evidenceIds = new Set(rows.evidence.keys());
  for (const { row } of [...rows.nodes.values(), ...rows.edges.values()]) {
    for (const id of Array.isArray(row.properties.evidence) ? row.properties.evidence : []) evidenceIds.add(String(id));
  }
  const nodes = await tx.run(
    `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id, n:Source AS isSource, CASE WHEN n:Source THEN n.text END AS text`,
    { ids: [...nodeIds] },
  );
  const evidence = await tx.run(`MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids RETURN e.id AS id`, { ids: [...evidenceIds] });
  const edges = await findEdges(tx, [...rows.edges.keys()]);
  return {
    nodes: new Map(nodes.records.map((r) => [r.get('id') as string, r.toObject() as StoredNode])),
    evidence: new Set(evidence.records.map((r) => r.get('id') as string)),
    edges: new Map<string, StoredEdge>(
      edges.map((e) => [String(e.rel.properties.id), { id: String(e.rel.properties.id), type: e.rel.type, source: String(e.source.properties.id), target: String(e.target.properties.id) }]),
    ),
  };
}

export async function checkReferences(db: Database, rows: CheckedRows, problems: Problems): Promise<Existing> {
  const stored = await db.read((tx) => lookUp(tx, rows));
  const nodeKnown = (id: string) => rows.nodes.has(id) || stored.nodes.has(id);
  const evidenceKnown = (id: string) => rows.evidence.has(id) || stored.evidence.has(id);

  for (const { row, where } of rows.edges.values()) {
    for (const end of [row.source, row.target]) if (!nodeKnown(end)) problems.add(where, `unknown node ${end}: it is neither in the file nor in the database`);
    const existing = stored.edges.get(row.id);
    if (existing && (existing.type !== row.type || existing.source !== row.source || existing.target !== row.target)) {
      problems.add(where, `${row.id} already exists as ${existing.source} -[${existing.type}]-> ${existing.target}; the file has ${row.source} -[${row.type}]-> ${row.target}`);
    }
  }
  for (const { row, where } of [...rows.nodes.values(), ...rows.edges.values()]) {
    const missing = (Array.isArray(row.properties.evidence) ? row.properties.evidence.map(String) : []).filter((id) => !evidenceKnown(id));
    if (missing.length) problems.add(where, `cites evidence that is neither in the file nor in the database: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}`);
  }
  for (const { row, where } of rows.evidence.values()) {
    const inFile = rows.nodes.get(row.sourceId)?.row;
    const source = inFile
      ? { isSource: inFile.labels.includes('Source'), text: typeof inFile.properties.text === 'string' ? inFile.properties.text : (stored.nodes.get(row.sourceId)?.text ?? null) }
      : stored.nodes.get(row.sourceId);
    if (!source) problems.add(where, `cites source ${row.sourceId}, which is neither in the file nor in the database`);
    else if (!source.isSource) problems.add(where, `cites ${row.sourceId}, which is not a Source`);
    else if (source.text === null) problems.add(where, `cites source ${row.sourceId}, which has no text to check the quote against`);
    else if (source.text.slice(row.start, row.end) !== row.quote) problems.add(where, `the quote is not at ${row.start}–${row.end} in the text of ${row.sourceId}`);
  }
  return {
    nodes: new Set([...rows.nodes.keys()].filter((id) => stored.nodes.has(id))),
    edges: new Set([...rows.edges.keys()].filter((id) => stored.edges.has(id))),
    evidence: new Set([...rows.evidence.keys()].filter((id) => stored.evidence.has(id))),
  };
}
