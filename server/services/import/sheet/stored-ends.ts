/** Which of the entity ids a sheet names in its id columns are not in the graph. */
import { ENTITY_LABEL } from '../../../db/graph-writer.js';
import type { GraphReader } from '../stored-graph.js';

export async function missingEnds(db: GraphReader, ids: string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const result = await db.read((tx) => tx.run(`UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) WITH id, n WHERE n IS NULL RETURN id`, { ids: wanted }));
  return new Set(result.records.map((r) => r.get('id') as string));
}
