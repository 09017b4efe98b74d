import { int, type ManagedTransaction, type Node, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { encodeNeighborCursor, type NeighborCursor, type NeighborPage, type WireNode } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { stableNodeId, toWireEdge, toWireNode } from '../db/to-graph.js';
import { degreeExpression, relationshipTypes, safeName, type Direction } from '../db/cypher-names.js';
import { budgetParameter, chooseStrategy, expandBranch, indexBudget, neighborBranch, neighborPageQuery, type Strategy, type TypeStats } from './neighbor-plan.js';
import { ENTITY_LABEL } from '../../shared/model/graph-model.js';
import { notFoundOrMoved } from './redirects.js';

export interface NeighborOptions {
  types: string[];
  direction: Direction;
  limit: number;
  cursor: NeighborCursor | null;
}

/** One page of a node's neighbours and the edges to them, in ascending relationship id. See neighbor-plan.ts. */
export async function neighbors(db: Database, id: string, options: NeighborOptions): Promise<NeighborPage> {
  const { limit } = options;
  return db.read(async (tx) => {
    const { total, query } = await planNeighborPage(tx, id, options);
    if (!query) return { nodes: [], edges: [], total, nextCursor: null };
    const result = await runPage(tx, query);
    const pairs = (result.get('page') as [Relationship, Node][]).map(([rel, other]) => ({ rel, other }));
    const center = result.get('n') as Node;
    const rows = pairs.slice(0, limit);
    const nodes = new Map<string, WireNode>();
    const edges = rows.map(({ rel, other }) => {
      const otherId = stableNodeId(other);
      if (!nodes.has(otherId)) nodes.set(otherId, toWireNode(other));
      const end = (elementId: string) => (elementId === center.elementId ? id : otherId);
      return toWireEdge(rel, end(rel.startNodeElementId), end(rel.endNodeElementId));
    });
    const last = rows[rows.length - 1];
    const nextCursor =
      pairs.length > limit && last ? encodeNeighborCursor({ edgeId: String(last.rel.properties.id), nodeId: String(last.other.properties.id ?? '') }) : null;
    return { nodes: [...nodes.values()], edges, total, nextCursor };
  });
}

/** Runs the page query; index walks that were cut short are read again by expansion (see neighbor-plan.ts). */
export async function runPage(tx: ManagedTransaction, query: PageQuery): Promise<Neo4jRecord> {
  const first = (await tx.run(query.text, query.parameters)).records[0]!;
  const cut = first.get('cut') as string[];
  if (cut.length === 0) return first;
  const walked = query.branches.filter((b) => b.strategy === 'index' && !cut.includes(b.types[0]!));
  const expanded = query.branches.filter((b) => b.strategy === 'expand').flatMap((b) => b.types);
  const branches = [...walked, { types: [...expanded, ...cut].sort(), direction: query.branches[0]!.direction, strategy: 'expand' as const }];
  return (await tx.run(pageText(branches), query.parameters)).records[0]!;
}

interface Branch {
  /** One type for an index walk; for expansion, every type not walked (see expandBranch). */
  types: string[];
  direction: Direction;
  strategy: Strategy;
}

export interface PageQuery {
  text: string;
  parameters: Record<string, unknown>;
  branches: Branch[];
}

export interface NeighborPlan {
  total: number;
  /** The page query; null when no relationship matches. */
  query: PageQuery | null;
}

const pageText = (branches: Branch[]) =>
  neighborPageQuery(branches.map((b) => (b.strategy === 'index' ? neighborBranch(b.types[0]!, b.direction, 'index') : expandBranch(b.types, b.direction))));

/** The total, and the query for one page, chosen per relationship type (expand, or a bounded index walk). */
export async function planNeighborPage(tx: ManagedTransaction, id: string, options: NeighborOptions): Promise<NeighborPlan> {
  const { direction, limit, cursor } = options;
  const fetch = limit + 1;
  const known = await relationshipTypes(tx);
  const types = options.types.length ? known.filter((t) => options.types.includes(t)) : known;
  const degrees = await degreesAt(tx, id, types, direction);
  const total = degrees.reduce((sum, d) => sum + d.degree, 0);
  const present = degrees.filter((d) => d.degree > 0);
  if (present.length === 0) return { total, query: null };
  const stats = await withIndexes(tx, present, fetch);
  const walked = stats.filter((s) => chooseStrategy(s, fetch) === 'index');
  const expanded = types.filter((t) => !walked.some((s) => s.type === t));
  const branches: Branch[] = walked.map((s) => ({ types: [s.type], direction, strategy: 'index' as const }));
  if (present.some((p) => expanded.includes(p.type))) branches.push({ types: expanded, direction, strategy: 'expand' });
  const parameters: Record<string, unknown> = { id, afterEdge: cursor?.edgeId ?? '', afterNode: cursor?.nodeId ?? '', fetch: int(fetch) };
  for (const s of walked) parameters[budgetParameter(s.type)] = int(indexBudget(s, fetch));
  return { total, query: { text: pageText(branches), parameters, branches } };
}

/**
 * The node's degree per type in the direction (degree store) and each type's size in the graph (counts store):
 * one query, constant time per type whatever the node's degree. 404 when there is no such node.
 */
async function degreesAt(tx: ManagedTransaction, id: string, types: string[], direction: Direction): Promise<TypeStats[]> {
  const degrees = types.map((t) => degreeExpression('n', t, direction)).join(', ');
  const sizes = types.map((t) => `COUNT { ()-[:${safeName(t)}]->() }`).join(', ');
  const result = await tx.run(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN [${degrees}] AS degrees, [${sizes}] AS sizes`, { id });
  const record = result.records[0];
  if (!record) throw await notFoundOrMoved(tx, id, `No node with id ${id}`);
  const values = record.get('degrees') as number[];
  const sizesOf = record.get('sizes') as number[];
  return types.map((type, i) => ({ type, degree: Number(values[i]), typeCount: Number(sizesOf[i]) }));
}

/** Marks which types have an online range index on `r.id`; asked only when some type would be read through it. */
async function withIndexes(tx: ManagedTransaction, stats: TypeStats[], fetch: number): Promise<TypeStats[]> {
  if (!stats.some((s) => chooseStrategy({ ...s, indexed: true }, fetch) === 'index')) return stats;
  const indexes = await tx.run(
    `SHOW RANGE INDEXES YIELD entityType, labelsOrTypes, properties, state
     WHERE entityType = 'RELATIONSHIP' AND properties = ['id'] AND state = 'ONLINE'
     RETURN labelsOrTypes[0] AS type`,
  );
  const indexed = new Set(indexes.records.map((r) => r.get('type') as string));
  return stats.map((s) => ({ ...s, indexed: indexed.has(s.type) }));
}
