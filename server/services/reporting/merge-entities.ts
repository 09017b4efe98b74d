/**
 * Merging two entities that are the same (POST /nodes/:id/merge): `from`'s relationships, quotes, aliases and
 * properties go to `into`, `from` leaves the graph and its id redirects to `into`; one transaction, one changeset
 * (kind `merge`) that a revert undoes exactly. `mergeInTx` is for other services (dataset deduplication).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { MergeChoice, MergePreview, WriteResult } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, EVIDENCE_LABEL, kindOf } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { safeName } from '../../db/cypher-names.js';
import { addRedirect, ensureRedirectSchema, redirectsInto } from '../redirects.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { recomputeConfidence } from './confidence.js';
import { planMerge, toPreview, type MergePlan, type PlannedEdge } from './merge-plan.js';

export async function previewMerge(db: Database, fromId: string, intoId: string): Promise<MergePreview> {
  return db.read(async (tx) => toPreview(await planMerge(tx, fromId, intoId, {})));
}

export async function mergeEntities(db: Database, fromId: string, input: { into: string; choose: Record<string, MergeChoice> }, by: string): Promise<WriteResult> {
  await ensureReportingSchema(db);
  await ensureRedirectSchema(db);
  return db.write((tx) => mergeInTx(tx, fromId, input.into, input.choose, by));
}

/** The merge inside a caller's transaction; 409 listing every conflict that `choose` does not settle. */
export async function mergeInTx(tx: ManagedTransaction, fromId: string, intoId: string, choose: Record<string, MergeChoice>, by: string): Promise<WriteResult> {
  const plan = await planMerge(tx, fromId, intoId, choose);
  const { conflicts } = plan.properties;
  if (conflicts.length) {
    const details = conflicts.map((c) => ({ where: `body.choose.${c.property}`, message: `differs: ${JSON.stringify(c.from)} (from ${fromId}) or ${JSON.stringify(c.into)} (into ${intoId}); choose 'from' or 'into'` }));
    throw new AppError('conflict', `${conflicts.length} ${conflicts.length === 1 ? 'value differs' : 'values differ'} between ${fromId} and ${intoId}: ${conflicts.map((c) => c.property).join(', ')}`, details);
  }
  const united = plan.edges.filter((e) => e.action === 'unite');
  const keptIds = [...new Set(united.map((e) => e.keptId!))];
  const claimMap = Object.fromEntries(united.map((e) => [String(e.rel.properties.id), e.keptId!]));
  const evidence = await evidenceNaming(tx, fromId, Object.keys(claimMap));
  const redirects = await redirectsInto(tx, [fromId, ...Object.keys(claimMap)]);
  const [fromName, intoName] = [plan.from.properties.name, plan.into.properties.name].map(String);
  return writeChange(
    tx,
    by,
    { nodes: [fromId, intoId], edges: [...plan.edges.map((e) => String(e.rel.properties.id)), ...keptIds], evidence: evidence.map((e) => e.id), redirects },
    {
      kind: 'merge',
      summary: `merged ${fromName} (${fromId}) into ${intoName} (${intoId}): ${countOf(plan.edges, 'move')} moved, ${united.length} united, ${countOf(plan.edges, 'drop')} dropped`,
      related: plan.edges.map((e) => e.other.id),
    },
    async () => {
      for (const edge of plan.edges) await applyEdge(tx, edge, fromId, intoId);
      await recomputeConfidence(tx, keptIds);
      await rewriteClaims(tx, evidence, fromId, intoId, claimMap, plan.properties.overruled);
      await uniteNode(tx, plan, intoId);
      await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) DETACH DELETE n`, { id: fromId });
      await addRedirect(tx, fromId, intoId);
      for (const [old, kept] of Object.entries(claimMap)) await addRedirect(tx, old, kept);
    },
  );
}

const countOf = (edges: PlannedEdge[], action: PlannedEdge['action']) => edges.filter((e) => e.action === action).length;

async function applyEdge(tx: ManagedTransaction, edge: PlannedEdge, fromId: string, intoId: string): Promise<void> {
  const element = edge.rel.elementId;
  if (edge.action === 'drop') {
    await tx.run('MATCH ()-[r]->() WHERE elementId(r) = $element DELETE r', { element });
  } else if (edge.action === 'unite') {
    // The kept relationship's values stay (its date, as with a second quote); the moved one's fill what it lacks.
    await tx.run(
      `MATCH ()-[r]->() WHERE elementId(r) = $element
       MATCH ()-[k:${safeName(edge.rel.type)} {id: $kept}]->()
       WITH r, k, properties(r) AS moved, properties(k) AS own DELETE r
       SET k += moved SET k += own`,
      { element, kept: edge.keptId },
    );
    await tx.run(`MATCH ()-[k:${safeName(edge.rel.type)} {id: $kept}]->() SET k.evidence = coalesce(k.evidence, []) + [x IN $evidence WHERE NOT x IN coalesce(k.evidence, [])]`, {
      kept: edge.keptId,
      evidence: edge.rel.properties.evidence ?? [],
    });
  } else {
    // A relationship's ends cannot change: it is made again on `into` with the same type, id and properties.
    const ends = edge.direction === 'out' ? [intoId, edge.other.id] : [edge.other.id, intoId];
    const [source, target] = ends.map((id) => (id === fromId ? intoId : id));
    await tx.run(
      `MATCH ()-[r]->() WHERE elementId(r) = $element
       WITH properties(r) AS kept, r DELETE r
       WITH kept MATCH (a:${ENTITY_LABEL} {id: $source}), (b:${ENTITY_LABEL} {id: $target})
       CREATE (a)-[n:${safeName(edge.rel.type)}]->(b) SET n = kept`,
      { element, source, target },
    );
  }
}

interface Claims { id: string; claims: string[] }

/** Every quote that names `from`, one of its properties, or a relationship that unites with another. */
async function evidenceNaming(tx: ManagedTransaction, fromId: string, unitedIds: string[]): Promise<Claims[]> {
  const { records } = await tx.run(
    `MATCH (e:${EVIDENCE_LABEL}) WHERE any(c IN e.claims WHERE c = $from OR c STARTS WITH $prefix OR c IN $united) RETURN e.id AS id, e.claims AS claims`,
    { from: fromId, prefix: `${fromId}#`, united: unitedIds },
  );
  return records.map((r) => ({ id: r.get('id') as string, claims: r.get('claims') as string[] }));
}

/** Claims now name `into` (and kept relationships); a property whose value `into` kept over `from`'s stays with the old id. */
async function rewriteClaims(tx: ManagedTransaction, evidence: Claims[], fromId: string, intoId: string, unitedTo: Record<string, string>, overruled: string[]): Promise<void> {
  const rename = (claim: string): string => {
    if (claim === fromId) return intoId;
    const property = claim.startsWith(`${fromId}#`) ? claim.slice(fromId.length + 1) : null;
    if (property !== null) return overruled.includes(property) ? claim : `${intoId}#${property}`;
    return unitedTo[claim] ?? claim;
  };
  const rows = evidence.map((e) => ({ id: e.id, claims: [...new Set(e.claims.map(rename))] }));
  await tx.run(`UNWIND $rows AS row MATCH (e:${EVIDENCE_LABEL} {id: row.id}) SET e.claims = row.claims`, { rows });
}

async function uniteNode(tx: ManagedTransaction, plan: MergePlan, intoId: string): Promise<void> {
  await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) SET n += $set, n.aliases = $aliases, n.evidence = $evidence`, {
    id: intoId,
    set: plan.properties.set,
    aliases: plan.aliases,
    evidence: plan.evidence,
  });
  if (!plan.labels) return;
  const old = kindOf(plan.into.labels);
  const kind = kindOf(plan.labels);
  await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) REMOVE n:${safeName(old)} SET n:${safeName(kind)}`, { id: intoId });
}
