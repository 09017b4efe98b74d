/**
 * What the canvas draws of a view grouped into communities (pure, keyed by id). Every element of the view is held
 * outside Cytoscape; a closed community is drawn as one node (named after its best-connected member, sized by its
 * member count) and the relationships between two drawn things as one aggregate edge (width by count). An open
 * community is drawn as its members. Ids depend only on the members, so opening and closing keeps them stable.
 */
import type { EdgeData, NodeData } from '../sync-elements';

export const COMMUNITY_KIND = 'community';
export const AGGREGATE_TYPE = 'aggregate';

export interface CommunityNodeData extends NodeData {
  kind: typeof COMMUNITY_KIND;
  members: number;
  /** The kinds of its members: the filters hide a community when they hide every one. */
  kinds: string[];
  /** Drawn width and height (not `size`, which sizing by degree sets). */
  diameter: number;
}
export interface AggregateEdgeData extends EdgeData {
  type: typeof AGGREGATE_TYPE;
  count: number;
  /** The relationship types it stands for: the filters hide it when they hide every one. */
  types: string[];
  width: number;
}

export interface Community {
  id: string;
  /** The best-connected member, whose name the community takes. */
  hub: string;
  label: string;
  members: string[];
  kinds: string[];
}

export interface Clustering {
  /** Community id of each node in a community; nodes alone in theirs are gathered into one, ALONE_ID (when 2 or more). */
  communityOf: ReadonlyMap<string, string>;
  communities: ReadonlyMap<string, Community>;
}

export const isCommunityId = (id: string) => id.startsWith('community:');
/** The community that gathers the nodes Louvain left alone, each in its own (no hub: no node is named "(alone)"). */
export const ALONE_ID = 'community:(alone)';

/** The communities of `nodes` from a membership number per node (as `louvain` gives, in the order of `nodes`). */
export function clusteringFrom(nodes: readonly NodeData[], edges: readonly EdgeData[], membership: ArrayLike<number>): Clustering {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const groups = new Map<number, NodeData[]>();
  nodes.forEach((node, i) => {
    const group = groups.get(membership[i]!) ?? [];
    if (group.length === 0) groups.set(membership[i]!, group);
    group.push(node);
  });
  const communityOf = new Map<string, string>();
  const communities = new Map<string, Community>();
  const put = (id: string, hub: NodeData, label: string, members: NodeData[]) => {
    communities.set(id, { id, hub: hub.id, label, members: members.map((m) => m.id), kinds: [...new Set(members.map((m) => m.kind))].sort() });
    for (const m of members) communityOf.set(m.id, id);
  };
  const alone: NodeData[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) {
      alone.push(...members);
      continue;
    }
    const hub = members.reduce((best, m) => ((degree.get(m.id) ?? 0) > (degree.get(best.id) ?? 0) ? m : best));
    put(`community:${hub.id}`, hub, `${hub.label} and ${members.length - 1} ${members.length === 2 ? 'other' : 'others'}`, members);
  }
  // Scattered one by one they would take most of the view; gathered, they are one block that opens like the others.
  if (alone.length > 1) put(ALONE_ID, alone[0]!, `${alone.length} nodes in no community`, alone);
  return { communityOf, communities };
}

export const communitySize = (members: number) => Math.min(160, 30 + 6 * Math.sqrt(members));
const aggregateWidth = (count: number) => Math.min(14, 1.5 + 2 * Math.log2(count));

/** The elements to draw with the communities in `open` open: members of open ones, one node for each closed one. */
export function drawnGraph(
  nodes: readonly NodeData[],
  edges: readonly EdgeData[],
  clustering: Clustering,
  open: ReadonlySet<string>,
): { nodes: (NodeData | CommunityNodeData)[]; edges: (EdgeData | AggregateEdgeData)[] } {
  const closedOf = (id: string) => {
    const community = clustering.communityOf.get(id);
    return community && !open.has(community) ? community : undefined;
  };
  const drawnNodes: (NodeData | CommunityNodeData)[] = nodes.filter((n) => !closedOf(n.id));
  for (const c of clustering.communities.values()) {
    if (!open.has(c.id)) drawnNodes.push({ id: c.id, label: c.label, kind: COMMUNITY_KIND, members: c.members.length, kinds: c.kinds, diameter: communitySize(c.members.length) });
  }
  const drawnEdges: (EdgeData | AggregateEdgeData)[] = [];
  const aggregates = new Map<string, AggregateEdgeData>();
  for (const e of edges) {
    const source = closedOf(e.source) ?? e.source;
    const target = closedOf(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      drawnEdges.push(e);
      continue;
    }
    if (source === target) continue;
    const [a, b] = source < target ? [source, target] : [target, source];
    const id = `aggregate:${a}|${b}`;
    const aggregate = aggregates.get(id) ?? { id, source: a, target: b, label: '', type: AGGREGATE_TYPE, count: 0, types: [], width: 0 };
    aggregate.count++;
    if (!aggregate.types.includes(e.type)) aggregate.types.push(e.type);
    aggregates.set(id, aggregate);
  }
  for (const a of aggregates.values()) drawnEdges.push({ ...a, label: `${a.count}`, types: a.types.sort(), width: aggregateWidth(a.count) });
  return { nodes: drawnNodes, edges: drawnEdges };
}

/** The communities that hold any of `ids` (community ids or members), closed or not. */
export function communitiesOf(clustering: Clustering, ids: readonly string[]): string[] {
  const found = ids.map((id) => (clustering.communities.has(id) ? id : clustering.communityOf.get(id))).filter((c): c is string => !!c);
  return [...new Set(found)];
}
