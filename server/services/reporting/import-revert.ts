/**
 * Reverting an import (docs/reporting.md "Imports"): what it created carries CREATED_BY_IMPORT = its change id and is
 * deleted here, in batches; what it merged into is in its snapshot and put back by the usual restore.
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import { CREATED_BY_IMPORT, ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
import { findEdges } from '../edge-lookup.js';
import type { LaterChange } from './changes.js';

const DELETE_BATCH = 5000;
/** Later changes read to find one that touched what the import created: enough for any newsroom's history since. */
const LATER_LIMIT = 100_000;

type LaterChanges = (tx: ManagedTransaction, id: string, ids: string[] | null, limit: number) => Promise<LaterChange[]>;

/**
 * The oldest later change that still stands and touched what the import changed or created, or a later import whose
 * relationships hang on a node this one created (deleting the node would take them along).
 */
export async function importRevertBlocker(tx: ManagedTransaction, id: string, changed: string[], laterChanges: LaterChanges): Promise<LaterChange | undefined> {
  const later = await laterChanges(tx, id, null, LATER_LIMIT);
  if (later.length === 0) return undefined;
  const touched = new Set([...changed, ...(await createdAmong(tx, id, [...new Set(later.flatMap((c) => c.targets))]))]);
  const onCreated = await importsOnCreatedNodes(tx, id);
  return later.find((c) => onCreated.has(c.id) || c.targets.some((t) => touched.has(t)));
}

/** Which of `ids` (nodes, evidence, relationships) the import created. */
async function createdAmong(tx: ManagedTransaction, id: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { records } = await tx.run(
    `MATCH (n) WHERE (n:${ENTITY_LABEL} OR n:${EVIDENCE_LABEL}) AND n.id IN $ids AND n.${CREATED_BY_IMPORT} = $id RETURN n.id AS id`,
    { ids, id },
  );
  const edges = (await findEdges(tx, ids)).filter((e) => e.rel.properties[CREATED_BY_IMPORT] === id).map((e) => String(e.rel.properties.id));
  return [...records.map((r) => r.get('id') as string), ...edges];
}

/** Other imports that created relationships on nodes this one created. */
async function importsOnCreatedNodes(tx: ManagedTransaction, id: string): Promise<Set<string>> {
  const { records } = await tx.run(
    `MATCH (n:${ENTITY_LABEL} {${CREATED_BY_IMPORT}: $id})-[r]-()
     WHERE r.${CREATED_BY_IMPORT} IS NOT NULL AND r.${CREATED_BY_IMPORT} <> $id
     RETURN DISTINCT r.${CREATED_BY_IMPORT} AS change`,
    { id },
  );
  return new Set(records.map((r) => r.get('change') as string));
}

/** Deletes what the import created, in one transaction (a revert from the feed). */
export async function deleteImported(tx: ManagedTransaction, id: string): Promise<void> {
  while ((await deleteImportedBatch(tx, id)) > 0);
}

/**
 * Deletes up to DELETE_BATCH of what the import created, and says how many: its nodes with their relationships first,
 * then its evidence and records, then its relationships between nodes that were there before (a scan of the
 * relationships). Run until it says 0, in one transaction or one per batch.
 */
export async function deleteImportedBatch(tx: ManagedTransaction, id: string): Promise<number> {
  for (const label of [ENTITY_LABEL, EVIDENCE_LABEL]) {
    const { records } = await tx.run(
      `MATCH (n:${label} {${CREATED_BY_IMPORT}: $id}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`,
      { id, batch: int(DELETE_BATCH) },
    );
    const deleted = Number(records[0]?.get('deleted') ?? 0);
    if (deleted > 0) return deleted;
  }
  const { records } = await tx.run(`MATCH ()-[r]->() WHERE r.${CREATED_BY_IMPORT} = $id WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted`, {
    id,
    batch: int(DELETE_BATCH),
  });
  return Number(records[0]?.get('deleted') ?? 0);
}
