/** What the database already holds of the ids a load names: nodes, relationships and quotes, with their properties. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/neo4j.js';
import { findEdges, type FoundEdge } from '../edge-lookup.js';
import type { CheckedRows } from './check-rows.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';

type Props = Record<string, unknown>;
const EDGE_LOOKUP_SLICE = 2000;
export interface StoredNode { id: string; labels: string[]; properties: Props }
export interface StoredEdge { id: string; type: string; source: string; target: string; properties: Props }
export interface StoredEvidence {
  id: string;
  quote: string;
  attribution: string;
  claims: string[];
  /** A dataset record's fields that an import of it sets. */
  record?: { dataset: unknown; file: unknown; sourceUrl: unknown; publisher: unknown; proof: unknown };
}
/** What the checks need of the database: reads (in a transaction of their own, or in a streamed import's). */
export type GraphReader = Pick<Database, 'read'>;

/** Reads inside `tx`: a streamed import's checks see what its own transaction wrote. */
export const readerIn = (tx: ManagedTransaction): GraphReader => ({ read: (work) => work(tx) }) as GraphReader;
export interface StoredGraph { nodes: Map<string, StoredNode>; edges: Map<string, StoredEdge>; evidence: Map<string, StoredEvidence> }

export const nothingStored = (): StoredGraph => ({ nodes: new Map(), edges: new Map(), evidence: new Map() });

export async function readStored(db: GraphReader, rows: CheckedRows): Promise<StoredGraph> {
  const nodeIds = new Set(rows.nodes.keys());
  for (const { row } of rows.edges.values()) nodeIds.add(row.source).add(row.target);
  for (const { row } of rows.evidence.values()) nodeIds.add(row.sourceId);
  const evidenceIds = new Set(rows.evidence.keys());
  for (const { row } of [...rows.nodes.values(), ...rows.edges.values()]) {
    for (const id of Array.isArray(row.properties.evidence) ? row.properties.evidence : []) evidenceIds.add(String(id));
  }
  return db.read(async (tx) => {
    const nodes = await tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id, [l IN labels(n) WHERE l <> '${ENTITY_LABEL}'] AS labels, properties(n) AS properties`,
      { ids: [...nodeIds] },
    );
    const evidence = await tx.run(
      `MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids
       RETURN e.id AS id, e.quote AS quote, e.attribution AS attribution, coalesce(e.claims, []) AS claims, e {.dataset, .file, .sourceUrl, .publisher, .proof} AS record`,
      { ids: [...evidenceIds, ...(rows.records?.keys() ?? [])] },
    );
    // One lookup per type for every id: in slices, or 40,000 new ids exhaust a small heap.
    const edgeIds = [...rows.edges.keys()];
    const edges: FoundEdge[] = [];
    for (let i = 0; i < edgeIds.length; i += EDGE_LOOKUP_SLICE) edges.push(...(await findEdges(tx, edgeIds.slice(i, i + EDGE_LOOKUP_SLICE))));
    return {
      nodes: new Map(nodes.records.map((r) => [r.get('id') as string, r.toObject() as StoredNode])),
      evidence: new Map(evidence.records.map((r) => [r.get('id') as string, r.toObject() as StoredEvidence])),
      edges: new Map(
        edges.map(({ rel, source, target }) => {
          const id = String(rel.properties.id);
          return [id, { id, type: rel.type, source: String(source.properties.id), target: String(target.properties.id), properties: rel.properties as Props }];
        }),
      ),
    };
  });
}

/** Ids in the database of the same kinds (`person:`, `rel:`…) as the ones given, for "did you mean" hints. */
export async function idsOfKinds(db: GraphReader, ids: string[]): Promise<string[]> {
  const prefixes = [...new Set(ids.map((id) => id.slice(0, id.indexOf(':') + 1)))].filter(Boolean);
  if (prefixes.length === 0) return [];
  const found = await db.read((tx) =>
    tx.run(`UNWIND $prefixes AS prefix CALL (prefix) { MATCH (n:${ENTITY_LABEL}) WHERE n.id STARTS WITH prefix RETURN n.id AS id LIMIT 100000 } RETURN id`, { prefixes }),
  );
  return found.records.map((r) => r.get('id') as string);
}

/** The quotes behind elements' properties: every stored quote among `evidenceIds`, with what it claims. */
export async function storedQuotes(db: GraphReader, evidenceIds: string[]): Promise<StoredEvidence[]> {
  if (evidenceIds.length === 0) return [];
  const found = await db.read((tx) =>
    tx.run(`MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids RETURN e.id AS id, e.quote AS quote, e.attribution AS attribution, coalesce(e.claims, []) AS claims`, { ids: evidenceIds }),
  );
  return found.records.map((r) => r.toObject() as StoredEvidence);
}
