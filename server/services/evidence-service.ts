import type { ManagedTransaction, Node } from 'neo4j-driver';
import type { DatasetRecord, Evidence, EvidenceDetails } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { GraphCollector, stringList, toPlain } from '../db/to-graph.js';
import { AppError } from '../errors.js';
import { findEdges } from './edge-lookup.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../shared/model/graph-model.js';

/** Evidence objects for these ids, in the order given (unknown and retracted ids are skipped), each with its source's name. */
export async function fetchEvidence(tx: ManagedTransaction, ids: readonly string[]): Promise<Evidence[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:${EVIDENCE_LABEL} {id: id}) WHERE e.retractedAt IS NULL
     OPTIONAL MATCH (s:${ENTITY_LABEL}:Source {id: e.sourceId})
     RETURN e, s.name AS name, s.publisher AS publisher, s IS NOT NULL AS found, s.text IS NOT NULL AS hasText`,
    { ids: [...new Set(ids)] },
  );
  const order = new Map(ids.map((id, i) => [id, i]));
  return result.records
    .map((r) => toEvidence(r.get('e') as Node, r.toObject() as unknown as SourceFields))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

interface SourceFields {
  name: unknown;
  publisher: unknown;
  found: boolean;
  hasText: boolean;
}

function toEvidence(node: Node, s: SourceFields): Evidence {
  const p = toPlain(node.properties) as Record<string, unknown>;
  const sourceId = typeof p.sourceId === 'string' ? p.sourceId : null;
  const record = p.kind === 'record' ? datasetRecord(p) : undefined;
  return {
    id: String(p.id),
    quote: String(p.quote ?? ''),
    start: Number(p.start ?? 0),
    end: Number(p.end ?? 0),
    attribution: String(p.attribution ?? record?.dataset ?? ''),
    confidence: p.confidence as Evidence['confidence'],
    claims: stringList(p.claims),
    source: sourceId
      ? {
          id: sourceId,
          name: typeof s.name === 'string' ? s.name : null,
          publisher: typeof s.publisher === 'string' ? s.publisher : null,
          hasText: s.found && s.hasText,
        }
      : null,
    version: typeof p.sourceVersion === 'number' ? p.sourceVersion : null,
    ...(record && { record }),
  };
}

/** A dataset record's provenance (docs/model.md "Records from datasets"). */
function datasetRecord(p: Record<string, unknown>): DatasetRecord {
  return {
    dataset: String(p.dataset ?? ''),
    file: typeof p.file === 'string' ? p.file : null,
    recordId: String(p.recordId ?? ''),
    schema: String(p.schema ?? ''),
    importedAt: String(p.importedAt ?? ''),
    importedBy: String(p.importedBy ?? ''),
    sourceUrl: stringList(p.sourceUrl),
    publisher: stringList(p.publisher),
    proof: stringList(p.proof),
  };
}

/** What a claim is about: `person:x#position` is about the node `person:x`. */
export function claimTarget(claim: string): string {
  const hash = claim.indexOf('#');
  return hash < 0 ? claim : claim.slice(0, hash);
}

/** One quote and every node and edge it supports, in the wire model. */
export async function evidenceDetails(db: Database, id: string): Promise<EvidenceDetails> {
  return db.read(async (tx) => {
    const [evidence] = await fetchEvidence(tx, [id]);
    if (!evidence) throw new AppError('not_found', `No evidence with id ${id}, or it was retracted (GET /api/changes?target=${encodeURIComponent(id)} says when and why)`);
    const targets = [...new Set(evidence.claims.map(claimTarget))];
    const nodes = await tx.run(`MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $targets RETURN n`, { targets });
    const edges = await findEdges(tx, targets);
    const graph = new GraphCollector().add(nodes.records.map((r) => r.get('n'))).add(edges.map((e) => [e.source, e.rel, e.target]));
    return { evidence, supports: graph.toGraph() };
  });
}
