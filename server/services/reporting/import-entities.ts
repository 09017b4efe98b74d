import { int } from 'neo4j-driver';
import type { ImportEntities } from '../../../shared/contract/reporting.js';
import { CREATED_BY_IMPORT, ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { subgraph } from '../subgraph-service.js';
import { CHANGE_LABEL } from './changes.js';

/**
 * What an import brought, to draw: the entities it created (they carry its stamp) and those it changed (its
 * targets) that are still there, the first `limit` of them with the relationships among them, and how many in all.
 */
export async function importEntities(db: Database, id: string, limit: number): Promise<ImportEntities> {
  const found = await db.read(async (tx) => {
    const { records } = await tx.run(
      `MATCH (c:${CHANGE_LABEL} {id: $id})
       CALL (c) {
         CALL (c) {
           MATCH (n:${ENTITY_LABEL} {${CREATED_BY_IMPORT}: c.id}) RETURN n.id AS entity
           UNION
           MATCH (n:${ENTITY_LABEL}) WHERE n.id IN c.targets RETURN n.id AS entity
         }
         RETURN count(entity) AS total, collect(entity)[0..$limit] AS ids
       }
       RETURN c.kind AS kind, total, ids`,
      { id, limit: int(limit) },
    );
    return records[0]?.toObject() as { kind: string; total: number; ids: string[] } | undefined;
  });
  if (!found) throw new AppError('not_found', `No change with id ${id}`);
  if (found.kind !== 'import') throw new AppError('bad_request', `Change ${id} is no import: only an import's entities can be listed`, [{ where: 'id', message: `is a change of kind ${found.kind}` }]);
  const { nodes, edges } = found.ids.length > 0 ? await subgraph(db, found.ids) : { nodes: [], edges: [] };
  return { nodes, edges, total: Number(found.total) };
}
