import { int } from 'neo4j-driver';
import type { SearchHit } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { toWireNode } from '../db/to-graph.js';
import { SEARCH_INDEX } from '../../shared/model/graph-model.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lower-cased, accent-free words, the way the index's `standard-folding` analyzer stores them. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Each word must match, exactly (best), as a prefix, or within a typo or two (fuzzy);
 * a match in the name or an alias outranks one in a description.
 */
export function luceneQuery(terms: string[]): string {
  return terms
    .map((t) => {
      const typos = t.length <= 3 ? 0 : t.length <= 6 ? 1 : 2;
      const forms = (field: string, boost: number) => {
        const f = field ? `${field}:` : '';
        const fuzzy = typos ? ` OR ${f}${t}~${typos}^${boost}` : '';
        return `${f}${t}^${boost * 4} OR ${f}${t}*^${boost * 2}${fuzzy}`;
      };
      return `(${forms('name', 4)} OR ${forms('aliases', 3)} OR ${forms('', 1)})`;
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
      { index: SEARCH_INDEX, query: luceneQuery(terms), labels, limit: int(limit), fetch: int(labels.length ? limit * 10 : limit) },
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
