/** Writes Entity rows, merged on id: scalars set, lists united. Part of the graph writer (graph-writer.ts). */
import type { ManagedTransaction } from 'neo4j-driver';
import { CREATED_BY_IMPORT, ENTITY_LABEL } from '../../shared/model/graph-model.js';
import type { NodeRow } from './graph-writer.js';
import { SAFE_NAME } from './cypher-names.js';
import type { NewRows } from './new-rows.js';
import { splitProperties, uniteLists } from './property-rows.js';
import { inBatches } from './write-batches.js';

/**
 * Rows a chunked load proves new (`newNodes`, new-rows.ts: no Entity when the load began, id not written by it) are
 * created without the MERGE's locking lookup; the others are merged. Without `newNodes` every row is merged.
 */
export async function writeNodes(tx: ManagedTransaction, rows: NodeRow[], importChange: string | null, newNodes?: NewRows): Promise<void> {
  const unsafe = rows.flatMap((row) => row.labels).filter((label) => !SAFE_NAME.test(label));
  if (unsafe.length) throw new Error(`unsafe label in ${unsafe.join(',')}`);
  const { rows: split, lists } = splitProperties(rows);
  const fresh: typeof split = [];
  const known: typeof split = [];
  for (const row of split) (newNodes?.claim(ENTITY_LABEL, row.id) ? fresh : known).push(row);
  const stamp = importChange === null ? {} : { [CREATED_BY_IMPORT]: importChange };
  const created = (some: typeof split) => some.map((row) => ({ labels: row.labels, new: { ...row.scalars, ...row.lists, id: row.id, ...stamp } }));
  await inBatches(fresh, (some) => tx.run(CREATE_NODES, { rows: created(some) }));
  await inBatches(known, (some) =>
    tx.run(
      `UNWIND $rows AS row
       MERGE (n:${ENTITY_LABEL} {id: row.id})
       ON CREATE SET n.${CREATED_BY_IMPORT} = $importChange
       SET n:$(row.labels)
       SET n += row.scalars
       ${uniteLists('n', lists)}`,
      { rows: some, importChange },
    ),
  );
}

const CREATE_NODES = `UNWIND $rows AS row
  CREATE (n:${ENTITY_LABEL})
  SET n:$(row.labels), n = row.new`;
