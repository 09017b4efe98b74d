import type { SearchHit } from '../contract.js';
import type { Database } from '../db/neo4j.js';
import { toWireNode } from '../db/to-graph.js';
import { SEARCH_INDEX } from '../../graph-seed/load.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lower-cased, accent-free words, the way the index's `standard-folding` analyzer stores them. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
}

/** Each word must match exactly (best), as a prefix, or within a typo or two (fuzzy). */
export function luceneQuery(terms: string[]): string {
  return terms
    .map((t) => {
      const typos = t.length <= 3 ? 0 : t.length <= 6 ? 1 : 2;
      const fuzzy = typos ? ` OR ${t}~${typos}` : '';
      return `(${t}^4 OR ${t}*^2${fuzzy})`;
    })
    .join(' AND ');
}

export async function search(db: Database, q: string, labels: string[], limit: number): Promise<SearchHit[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const result = await db.read((tx) =>
    tx.run(
      `CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score
       WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels)
       RETURN node, score LIMIT $limit`,
      { index: SEARCH_INDEX, query: luceneQuery(terms), labels, limit, fetch: labels.length ? limit * 10 : limit },
    ),
  );
  return result.records.map((r) => {
    const node = toWireNode(r.get('node'));
    return { node, score: r.get('score') as number, snippet: snippetOf(node.properties) };
  });
}

function snippetOf(properties: Record<string, unknown>): string {
  for (const key of ['position', 'description', 'summary', 'kind', 'countText', 'publisher']) {
    const value = properties[key];
    if (typeof value === 'string' && value) return value.length > 140 ? `${value.slice(0, 139)}…` : value;
  }
  return '';
}
