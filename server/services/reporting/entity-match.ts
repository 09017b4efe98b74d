/**
 * Existing entities a written name may mean: the `entity_search` full-text index (standard-folding, so accents and
 * case do not matter) finds candidates by each word, exact, fuzzy or as a prefix; `scoreEntity` ranks them.
 */
import type { ManagedTransaction, Node } from 'neo4j-driver';
import type { EntityCandidate } from '../../../shared/contract/reporting.js';
import { edgeLabel, ENTITY_LABEL, SEARCH_INDEX } from '../../../shared/model/graph-model.js';
import { stringList, toWireNode } from '../../db/to-graph.js';
import { words } from './fold.js';
import { scoreEntity } from './name-score.js';

/** Candidates at or above this score are taken for the same entity: a claim will not create a duplicate of them unasked. */
export const DUPLICATE_THRESHOLD = 0.8;
const MIN_SCORE = 0.3;
const RECALL = 50;

/** Lucene words of the name: exact, one edit off (from four letters) and as a prefix; single letters are too broad. */
export function recallQuery(name: string): string {
  return [...new Set(words(name))]
    .filter((w) => w.length > 1)
    .map((w) => (w.length >= 4 ? `${w} OR ${w}~1 OR ${w}*` : `${w} OR ${w}*`))
    .join(' OR ');
}

export async function matchEntities(tx: ManagedTransaction, name: string, kind: string | undefined, limit: number): Promise<EntityCandidate[]> {
  const query = recallQuery(name);
  if (!query) return [];
  const { records } = await tx.run(
    `CALL db.index.fulltext.queryNodes($index, $query, {limit: $recall}) YIELD node
     WHERE ($kind IS NULL OR $kind IN labels(node)) AND NOT node:Source
     RETURN node`,
    { index: SEARCH_INDEX, query, recall: RECALL, kind: kind ?? null },
  );
  const scored = records
    .map((r) => r.get('node') as Node)
    .map((node) => {
      const aliases = stringList(node.properties.aliases);
      return { node, ...scoreEntity(name, String(node.properties.name ?? ''), aliases) };
    })
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || String(a.node.properties.name).localeCompare(String(b.node.properties.name)))
    .slice(0, limit);
  const hints = await connectionHints(tx, scored.map((c) => String(c.node.properties.id)));
  return scored.map(({ node, score, reasons }) => ({ node: toWireNode(node), score, reasons, connections: hints.get(String(node.properties.id)) ?? [] }));
}

/** Per entity: its three commonest relationship types with counts, then up to three neighbours' names. */
export async function connectionHints(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string[]>> {
  const { records } = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     CALL (n) { MATCH (n)-[r]-(:${ENTITY_LABEL}) WITH type(r) AS type, count(*) AS uses ORDER BY uses DESC, type LIMIT 3 RETURN collect([type, uses]) AS types }
     CALL (n) { MATCH (n)--(m:${ENTITY_LABEL}) WITH DISTINCT m LIMIT 3 RETURN collect(m.name) AS neighbours }
     RETURN id, types, neighbours`,
    { ids },
  );
  return new Map(
    records.map((r) => {
      const types = (r.get('types') as [string, number][]).map(([type, uses]) => `${edgeLabel(type)} (${uses})`);
      const neighbours = (r.get('neighbours') as unknown[]).filter((n): n is string => typeof n === 'string').map((n) => `with ${n}`);
      return [r.get('id') as string, [...types, ...neighbours]];
    }),
  );
}

