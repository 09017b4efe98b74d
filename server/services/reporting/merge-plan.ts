/**
 * What merging one entity into another does, read from the graph before anything is written: the preview
 * (GET /nodes/:id/merge-preview) and the merge itself (merge-entities.ts) work from the same plan.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type { MergeChoice, MergePreview } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, kindOf } from '../../../shared/model/graph-model.js';
import { toWireNode } from '../../db/to-graph.js';
import { AppError } from '../../errors.js';
import { redirectOf } from '../redirects.js';
import { uniteProperties, unitedAliases, unitedList, type UnitedProperties } from './merge-properties.js';

export interface PlannedEdge {
  rel: Relationship;
  direction: 'out' | 'in';
  other: { id: string; name: string };
  action: 'move' | 'unite' | 'drop';
  /** For `unite`: the relationship of `into` (or one moved before it) that takes its evidence. */
  keptId: string | null;
}

export interface MergePlan {
  from: Node;
  into: Node;
  edges: PlannedEdge[];
  properties: UnitedProperties;
  /** `into`'s labels after the merge when `from`'s kind was chosen. */
  labels: string[] | null;
  aliases: string[];
  evidence: string[];
  quotes: string[];
}

export async function planMerge(tx: ManagedTransaction, fromId: string, intoId: string, choose: Record<string, MergeChoice>): Promise<MergePlan> {
  if (fromId === intoId) throw new AppError('bad_request', `body.into: an entity cannot be merged into itself`, [{ where: 'body.into', message: 'is the entity being merged' }]);
  const from = await entity(tx, fromId, 'params.id');
  const into = await entity(tx, intoId, 'body.into');
  const properties = uniteProperties(from.properties, into.properties, choose);
  const [fromKind, intoKind] = [kindOf(from.labels), kindOf(into.labels)];
  if (fromKind !== intoKind && !choose.kind) properties.conflicts.unshift({ property: 'kind', from: fromKind, into: intoKind });
  const edges = await planEdges(tx, from, into);
  const quotes = unitedList(from.properties.evidence, edges.flatMap((e) => (Array.isArray(e.rel.properties.evidence) ? e.rel.properties.evidence : [])));
  return {
    from,
    into,
    edges,
    properties,
    labels: fromKind !== intoKind && choose.kind === 'from' ? from.labels : null,
    aliases: unitedAliases(from.properties, into.properties),
    evidence: unitedList(into.properties.evidence, from.properties.evidence),
    quotes,
  };
}

export function toPreview(plan: MergePlan): MergePreview {
  return {
    from: toWireNode(plan.from),
    into: toWireNode(plan.into),
    edges: plan.edges.map((e) => ({ id: String(e.rel.properties.id), type: e.rel.type, direction: e.direction, other: e.other, action: e.action, keptId: e.keptId })),
    quotes: plan.quotes,
    aliases: plan.aliases,
    conflicts: plan.properties.conflicts,
  };
}

/** An entity to merge: absent, merged away already, or a source (whose quotes point into its text) is refused. */
async function entity(tx: ManagedTransaction, id: string, where: string): Promise<Node> {
  const { records } = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n`, { id });
  const node = records[0]?.get('n') as Node | undefined;
  if (!node) {
    const to = await redirectOf(tx, id);
    if (to) throw new AppError('conflict', `${where}: ${id} was already merged into ${to}`, [{ where, message: `was merged into ${to}` }]);
    throw new AppError('not_found', `${where}: no entity with id ${id}`, [{ where, message: `no entity with id ${id}` }]);
  }
  if (node.labels.includes('Source')) throw new AppError('bad_request', `${where}: ${id} is a source; sources are not merged`, [{ where, message: 'is a source' }]);
  return node;
}

/**
 * Each relationship of `from`, in id order: to `into` itself it is dropped; otherwise it moves, or unites with one
 * `into` has (or that moved before it) of the same type, direction and other end.
 */
async function planEdges(tx: ManagedTransaction, from: Node, into: Node): Promise<PlannedEdge[]> {
  const fromId = String(from.properties.id);
  const intoId = String(into.properties.id);
  const { records } = await tx.run(
    `MATCH (f:${ENTITY_LABEL} {id: $from})-[r]-(o:${ENTITY_LABEL}) WHERE r.id IS NOT NULL
     WITH DISTINCT r, o, startNode(r) = f AS out
     OPTIONAL MATCH (i:${ENTITY_LABEL} {id: $into})-[k]-(o) WHERE type(k) = type(r) AND (startNode(k) = i) = out AND k <> r
     WITH r, o, out, k ORDER BY k.id
     RETURN r, o, out, head(collect(k.id)) AS kept ORDER BY r.id`,
    { from: fromId, into: intoId },
  );
  const movedTo = new Map<string, string>();
  return records.map((record) => {
    const rel = record.get('r') as Relationship;
    const other = record.get('o') as Node;
    const direction = record.get('out') ? 'out' : 'in';
    const otherId = String(other.properties.id);
    const base = { rel, direction, other: { id: otherId, name: String(other.properties.name ?? otherId) } } as const;
    if (otherId === intoId) return { ...base, action: 'drop', keptId: null };
    const key = `${rel.type} ${direction} ${otherId}`;
    const kept = (record.get('kept') as string | null) ?? movedTo.get(key) ?? null;
    if (kept) return { ...base, action: 'unite', keptId: kept };
    movedTo.set(key, String(rel.properties.id));
    return { ...base, action: 'move', keptId: null };
  });
}
