import type { Node } from 'neo4j-driver';
import type { SourceText } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { toWireNode } from '../db/to-graph.js';
import { AppError } from '../errors.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';

/** The full stored text of a source, which evidence `start`/`end` offsets point into. */
export async function sourceText(db: Database, id: string): Promise<SourceText> {
  const result = await db.read((tx) => tx.run(`MATCH (s:${ENTITY_LABEL}:Source {id: $id}) RETURN s, s.text AS text`, { id }));
  const record = result.records[0];
  if (!record) throw new AppError('not_found', `No source with id ${id}`);
  const text: unknown = record.get('text');
  if (typeof text !== 'string') throw new AppError('not_found', `Source ${id} has no stored text`);
  return { source: toWireNode(record.get('s') as Node), text };
}
