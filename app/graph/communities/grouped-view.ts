/**
 * A view too large to draw node by node, held outside Cytoscape as plain maps: every node (data, position, flags)
 * and edge, the community each node was found in, and which communities are open. `applyTo` brings Cytoscape in
 * line with what should be drawn (community-view.ts), keyed by id: what stays drawn keeps its place.
 */
import type { Collection, Core, NodeCollection, Position } from 'cytoscape';
import type { CanvasSnapshot, SnapshotEdge, SnapshotNode } from '../canvas-controller';
import type { EdgeData, NodeData } from '../sync-elements';
import type { Link } from './community-layout';
import { CommunityPlaces } from './community-places';
import { clusteringFrom, communitiesOf, drawnGraph, isCommunityId, type AggregateEdgeData, type Clustering, type CommunityNodeData } from './community-view';
import { memberOffsets } from './member-layout';

export class GroupedView {
  private readonly nodes = new Map<string, SnapshotNode>();
  private readonly edges = new Map<string, SnapshotEdge>();
  private membership: Map<string, number> | null = null;
  private clusteringCache: Clustering | null = null;
  private readonly opened = new Set<string>();
  private changes = 0;
  private readonly places = new CommunityPlaces();
  /** Where each community was at the last `applyTo`: what is drawn of it moves when its place does. */
  private drawnPlaces = new Map<string, Position>();
  /** For each community opened before, where it was when its members' held positions were theirs. */
  private readonly anchors = new Map<string, Position>();

  constructor(snapshot: CanvasSnapshot) {
    this.put(snapshot);
  }

  /** Adds elements or replaces their data; nodes added after the communities were found stay outside them. */
  put(snapshot: Pick<CanvasSnapshot, 'nodes' | 'edges'>): void {
    // Held as given, not copied (a large view's elements would be held twice over, with every undo step): a held
    // element is never changed, only replaced (hiding, moving), so an undo step that holds the same one keeps it as it was.
    for (const n of snapshot.nodes) this.nodes.set(n.data.id, n);
    for (const e of snapshot.edges) if (this.nodes.has(e.data.source) && this.nodes.has(e.data.target)) this.edges.set(e.data.id, e);
    this.changed();
  }

  /** Replaces the data of held elements (an edit); others are left out. */
  replaceData(nodes: readonly NodeData[], edges: readonly EdgeData[]): void {
    for (const data of nodes) {
      const held = this.nodes.get(data.id);
      if (held) this.nodes.set(data.id, { ...held, data });
    }
    for (const data of edges) {
      const held = this.edges.get(data.id);
      if (held) this.edges.set(data.id, { ...held, data: { ...data, source: held.data.source, target: held.data.target } });
    }
    this.changed();
  }

  ids(): string[] {
    return [...this.nodes.keys(), ...this.edges.keys()];
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** Whether `id` is an element of the view and not hidden, drawn or inside a closed community. */
  shows(id: string): boolean {
    const held = this.nodes.get(id) ?? this.edges.get(id);
    return !!held && !held.hidden;
  }

  node(id: string): SnapshotNode | undefined {
    return this.nodes.get(id);
  }

  /** The nodes to group, in the order `setMembership` takes their community numbers. */
  nodeList(): SnapshotNode[] {
    return [...this.nodes.values()];
  }

  edgeList(): SnapshotEdge[] {
    return [...this.edges.values()];
  }

  get grouped(): boolean {
    return this.membership !== null;
  }

  setMembership(nodes: readonly SnapshotNode[], membership: Int32Array): void {
    this.membership = new Map(nodes.map((n, i) => [n.data.id, membership[i]!]));
    this.changed();
  }

  /** The communities of the nodes that are not hidden. */
  clustering(): Clustering {
    if (!this.clusteringCache) {
      const membership = this.membership ?? new Map<string, number>();
      const members = [...this.nodes.values()].filter((n) => !n.hidden && membership.has(n.data.id)).map((n) => n.data);
      // Hubs by every held edge, hidden or not: hiding part of a community does not rename it.
      this.clusteringCache = clusteringFrom(members, this.edgeList().map((e) => e.data), members.map((m) => membership.get(m.id)!));
    }
    return this.clusteringCache;
  }

  /** Node and edge ids, with any community id standing for its members. */
  private withMembers(ids: readonly string[]): string[] {
    const communities = this.clustering().communities;
    return ids.flatMap((id) => (isCommunityId(id) ? (communities.get(id)?.members ?? []) : [id]));
  }

  remove(ids: readonly string[]): void {
    const gone = new Set(this.withMembers(ids));
    for (const id of gone) this.nodes.delete(id);
    for (const [id, e] of this.edges) if (gone.has(id) || gone.has(e.data.source) || gone.has(e.data.target)) this.edges.delete(id);
    this.changed();
  }

  setHidden(ids: readonly string[] | 'all', hidden: boolean): void {
    const targets = ids === 'all' ? [...this.nodes.keys(), ...this.edges.keys()] : this.withMembers(ids);
    if (ids !== 'all') {
      // As on the canvas: a hidden node's edges are hidden with it.
      const nodes = new Set(targets);
      for (const [id, e] of this.edges) if (nodes.has(e.data.source) || nodes.has(e.data.target)) targets.push(id);
    }
    for (const id of targets) {
      const node = this.nodes.get(id);
      const edge = this.edges.get(id);
      if (node && node.hidden !== hidden) this.nodes.set(id, { ...node, hidden });
      else if (edge && edge.hidden !== hidden) this.edges.set(id, { ...edge, hidden });
    }
    this.changed();
  }

  /** Opens the communities holding `ids` (members or communities); returns whether any was closed. */
  open(ids: readonly string[]): boolean {
    const closed = communitiesOf(this.clustering(), ids).filter((c) => !this.opened.has(c));
    for (const c of closed) this.opened.add(c);
    return closed.length > 0;
  }

  /** Closes the open communities holding `ids`, or every open one when none of `ids` is in an open community. */
  collapse(ids: readonly string[]): void {
    const mine = communitiesOf(this.clustering(), ids).filter((c) => this.opened.has(c));
    for (const c of mine.length ? mine : [...this.opened]) this.opened.delete(c);
  }

  counts(): { open: number; closed: number; hidden: number } {
    const communities = this.clustering().communities.size;
    const open = [...this.opened].filter((c) => this.clustering().communities.has(c)).length;
    const hidden = [...this.nodes.values(), ...this.edges.values()].filter((e) => e.hidden).length;
    return { open, closed: communities - open, hidden };
  }

  /** Every held element, with the positions of drawn nodes as they are now: what undo and the URL keep. */
  snapshot(cy: Core): CanvasSnapshot {
    this.keepPositions(cy.nodes());
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  /** Draws what should be drawn now; returns the elements added or changed (to paint with React's view). */
  applyTo(cy: Core): Collection {
    // Until the communities are found nothing is drawn: drawn whole, a large view is what this class avoids.
    if (!this.membership) return cy.collection();
    const clustering = this.clustering();
    const visibleEdges = this.visibleEdges().map((e) => e.data);
    const drawn = drawnGraph([...this.nodes.values()].filter((n) => !n.hidden).map((n) => n.data), visibleEdges, clustering, this.opened);
    const wanted = new Set([...drawn.nodes, ...drawn.edges].map((e) => e.id));
    const leaving = cy.elements().filter((e) => !wanted.has(e.id()));
    this.keepPositions(leaving.nodes());
    cy.remove(leaving);
    const open = [...this.opened].filter((c) => clustering.communities.has(c));
    const viewport = cy.container() ? { width: cy.width(), height: cy.height() } : { width: 0, height: 0 };
    const places = this.places.arrange([...clustering.communities.values()], open, communityLinks(drawn.edges), viewport);
    this.moveDrawn(cy, places, clustering);
    const touched = cy.collection();
    const newNodes: typeof drawn.nodes = [];
    // Drawn already: a community or an aggregate edge is updated when what it stands for has changed in number.
    const update = (present: Collection, data: object) => {
      const { members, count } = data as Partial<CommunityNodeData & AggregateEdgeData>;
      if (present.data('members') !== members || present.data('count') !== count) touched.merge(present.data(data));
    };
    for (const n of drawn.nodes) {
      const present = cy.getElementById(n.id);
      if (present.empty()) newNodes.push(n);
      else update(present, n);
    }
    const memberAt = this.memberPositions(newNodes, places, clustering, visibleEdges);
    touched.merge(cy.add(newNodes.map((data) => ({ group: 'nodes' as const, data, position: places.get(data.id) ?? memberAt.get(data.id) ?? { ...this.nodes.get(data.id)!.position } }))));
    for (const e of drawn.edges) {
      const present = cy.getElementById(e.id);
      if (present.empty()) touched.merge(cy.add({ group: 'edges', data: e }));
      else update(present, e);
    }
    return touched.union(touched.edges().connectedNodes());
  }

  private visibleEdges(): SnapshotEdge[] {
    return [...this.edges.values()].filter((e) => !e.hidden);
  }

  /** Moves what is drawn of each community (its node, or an open one's members) by how far its place has moved. */
  private moveDrawn(cy: Core, places: ReadonlyMap<string, Position>, clustering: Clustering): void {
    for (const [id, at] of places) {
      const before = this.drawnPlaces.get(id);
      if (!before || (before.x === at.x && before.y === at.y)) continue;
      const [dx, dy] = [at.x - before.x, at.y - before.y];
      const community = cy.getElementById(id);
      if (community.nonempty()) community.position({ ...at });
      for (const m of community.empty() ? clustering.communities.get(id)!.members : []) {
        const member = cy.getElementById(m);
        if (member.nonempty()) member.shift({ x: dx, y: dy });
      }
      const anchor = this.anchors.get(id);
      if (anchor && community.empty()) this.anchors.set(id, { x: anchor.x + dx, y: anchor.y + dy });
    }
    this.drawnPlaces = new Map(places);
  }

  /**
   * Where members drawn now go: around their community's place, laid out (member-layout.ts) the first time it is
   * opened, and after that where they were when it closed, moved with it.
   */
  private memberPositions(nodes: readonly NodeData[], places: ReadonlyMap<string, Position>, clustering: Clustering, edges: readonly EdgeData[]): Map<string, Position> {
    const positions = new Map<string, Position>();
    const opening = new Set(nodes.map((n) => clustering.communityOf.get(n.id)).filter((c): c is string => !!c && places.has(c)));
    for (const id of opening) {
      const { hub, members } = clustering.communities.get(id)!;
      const place = places.get(id)!;
      const anchor = this.anchors.get(id);
      const offsets = anchor ? null : memberOffsets(hub, members, edges);
      for (const m of members) {
        const held = this.nodes.get(m)!.position;
        const offset = offsets?.get(m);
        positions.set(m, offset ? { x: place.x + offset.x, y: place.y + offset.y } : { x: held.x + place.x - anchor!.x, y: held.y + place.y - anchor!.y });
      }
      this.anchors.set(id, { ...place });
    }
    return positions;
  }

  /** Counts changes to what is held (not to what is open): summaries of the same version are the same. */
  get version(): number {
    return this.changes;
  }

  private changed(): void {
    this.changes++;
    this.clusteringCache = null;
  }

  private keepPositions(nodes: NodeCollection): void {
    nodes.forEach((n) => {
      const held = this.nodes.get(n.id());
      if (held) this.nodes.set(n.id(), { ...held, position: { ...n.position() }, locked: n.locked() });
    });
  }
}

/** The aggregate edges between two communities, as links for placing a community beside those it is linked to. */
function communityLinks(edges: readonly EdgeData[]): Link[] {
  return edges.filter((e) => isCommunityId(e.source) && isCommunityId(e.target)).map((e) => ({ source: e.source, target: e.target, count: (e as AggregateEdgeData).count }));
}
