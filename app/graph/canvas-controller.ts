import type { Collection, CollectionReturnValue, Core, NodeSingular, Position } from 'cytoscape';
import type { Graph, StoryStep } from '../../shared/contract';
import type { CanvasFrame } from '../../shared/story/steps';
import { summarise, summariseElements, type CanvasSummary } from './canvas-summary';
import { INITIAL_VIEW, paintView, type CanvasView } from './canvas-view';
import { emptyHistory, record, redo, undo, type History, type HistoryBudget } from './history';
import { isCommunityId } from './communities/community-view';
import { detectCommunities, type Detection } from './communities/detect-communities';
import { GroupedView } from './communities/grouped-view';
import { ensureLayout, layoutLoaded } from './layout-loader';
import { layoutOptions, type LayoutId } from './layouts';
import { drawnScene, visibleElements, type Measure, type Scene, type VisibleElements } from './scene';
import { sameIds } from './selection';
import { showFrame, takeFrame } from './story-frame';
import { additions, edgeData, nodeData, type EdgeData, type NodeData } from './sync-elements';

/** Never changed once made (a grouped view and undo steps share them): replaced instead. */
export interface SnapshotNode { readonly data: NodeData; readonly position: Readonly<Position>; readonly locked: boolean; readonly hidden: boolean }
export interface SnapshotEdge { readonly data: EdgeData; readonly hidden: boolean }
export interface CanvasSnapshot { nodes: SnapshotNode[]; edges: SnapshotEdge[] }

/** A drawn element as the panels name it; `members` is set for a community (communities/). */
export interface CanvasElement { id: string; group: 'nodes' | 'edges'; label: string; members?: number }

/** Above this many nodes, adding elements places them without re-running the force layout. */
const INCREMENTAL_LAYOUT_LIMIT = 1500;

/** From this many nodes a view is held outside Cytoscape and drawn as communities that open on double-click. */
export const COMMUNITY_VIEW_NODES = 3_000;

/** Undo keeps up to 100 steps, fewer for large views: about two million elements' worth of snapshots in all. */
const HISTORY_BUDGET: HistoryBudget<CanvasSnapshot> = { size: (s) => s.nodes.length + s.edges.length, max: 2_000_000 };

/**
 * Every change to what the canvas shows goes through here: it keeps undo/redo, applies React's view (filters,
 * selection, sizes) and reports a summary. It is the only holder of `cy`: the rest of the app gets plain data.
 * It owns no React state; Cytoscape holds elements, positions, pan and zoom.
 */
export class CanvasController {
  private history: History<CanvasSnapshot> = emptyHistory();
  private view: CanvasView = INITIAL_VIEW;
  /** The view held outside Cytoscape while it is drawn as communities; null while every element is drawn. */
  private grouped: GroupedView | null = null;
  private detection: Detection | null = null;
  private progress: string | null = null;
  /** Set when the person cancelled the grouping: the large view is drawn whole until it is small again. */
  private groupingDeclined = false;
  /** The last summary of the held view, and of which version: progress reports come often and change nothing held. */
  private heldSummary: { of: GroupedView; version: number; summary: CanvasSummary } | null = null;

  constructor(
    private readonly cy: Core,
    private readonly onChange: (summary: CanvasSummary) => void = () => {},
    /** Told how many elements the canvas is about to hold, before they are added (level of detail switches first). */
    private readonly onGrow: (elements: number) => void = () => {},
  ) {
    // Moving nodes by hand is a change like any other: it can be undone.
    let beforeDrag: CanvasSnapshot | null = null;
    cy.on('grab', 'node', () => {
      beforeDrag = this.snapshot();
    });
    cy.on('dragfree', 'node', () => {
      if (beforeDrag) this.history = record(this.history, beforeDrag, HISTORY_BUDGET);
      beforeDrag = null;
      this.report();
    });
  }

  /** Adds what is not drawn yet; new nodes start around `near` (or the centre) and settle with a layout. */
  add(graph: Graph, options: { near?: string; positions?: Record<string, Position>; record?: boolean } = {}): number {
    const grouped = this.grouped;
    const current = new Set(grouped ? grouped.ids() : this.cy.elements().map((e) => e.id()));
    const { addNodes, addEdges } = additions(current, graph);
    if (addNodes.length === 0 && addEdges.length === 0) return 0;
    const nodeCount = grouped ? grouped.nodeCount : this.cy.nodes().length;
    if (grouped || (nodeCount + addNodes.length >= COMMUNITY_VIEW_NODES && !this.groupingDeclined)) {
      const drawn = options.near ? this.cy.getElementById(options.near) : null;
      const near = drawn?.nonempty() ? drawn.position() : options.near && grouped?.node(options.near)?.position;
      const ring = ringPositions(near || this.viewportCentre(), addNodes.length);
      const added = {
        nodes: addNodes.map((data, i) => ({ data, position: options.positions?.[data.id] ?? ring[i]!, locked: false, hidden: false })),
        edges: addEdges.map((data) => ({ data, hidden: false })),
      };
      if (grouped) {
        this.change(() => {
          grouped.put(added);
          return grouped.applyTo(this.cy);
        }, options.record ?? true);
      } else {
        const before = this.snapshot();
        if (options.record ?? true) this.history = record(this.history, before, HISTORY_BUDGET);
        this.group({ nodes: [...before.nodes, ...added.nodes], edges: [...before.edges, ...added.edges] });
      }
      return addNodes.length;
    }
    this.onGrow(current.size + addNodes.length + addEdges.length);
    this.change(() => {
      const anchor = options.near ? this.cy.getElementById(options.near) : null;
      const centre = anchor?.nonempty() ? anchor.position() : this.viewportCentre();
      const ring = ringPositions(centre, addNodes.length);
      const added = this.cy.add([
        ...addNodes.map((data, i) => ({ group: 'nodes' as const, data, position: options.positions?.[data.id] ?? ring[i] })),
        ...addEdges.map((data) => ({ group: 'edges' as const, data })),
      ]);
      if (!options.positions && addNodes.length > 0 && this.cy.nodes().length <= INCREMENTAL_LAYOUT_LIMIT) this.settle(current);
      // New edges change their ends' degree, and so their size.
      return added.union(added.edges().connectedNodes());
    }, options.record ?? true);
    return addNodes.length;
  }

  /**
   * Draws the elements of `graph` already on the canvas with their data as it is now (an edited name, kind or date, an
   * edge's confidence after another quote or a retraction), so the style follows; others are left out. Not an undo
   * step. An edge keeps its drawn ends: a write that moves one (a merge) removes and adds it instead.
   */
  redraw(graph: Graph): void {
    const drawn = (id: string) => this.cy.getElementById(id).nonempty();
    const nodes = graph.nodes.filter((n) => drawn(n.id));
    const edges = graph.edges.filter((e) => drawn(e.id));
    this.grouped?.replaceData(graph.nodes.map(nodeData), graph.edges.map(edgeData));
    if (nodes.length + edges.length === 0) return;
    this.change(() => {
      for (const node of nodes) replaceData(this.cy.getElementById(node.id), nodeData(node));
      for (const edge of edges) replaceData(this.cy.getElementById(edge.id), edgeData(edge));
      return this.byIds([...nodes, ...edges].map((e) => e.id));
    }, false);
  }

  /** Runs the force layout with the nodes that were already drawn held in place, so the mental map survives. */
  private settle(previous: ReadonlySet<string>): void {
    if (!layoutLoaded('fcose')) {
      // Only before the force layout's chunk has arrived (the first view waits for it): settle once it has.
      void ensureLayout('fcose').then(() => this.change(() => this.settle(previous), false));
      return;
    }
    const first = previous.size === 0;
    const fixed = first ? [] : this.cy.nodes().filter((n) => previous.has(n.id()));
    this.cy
      .layout(layoutOptions('fcose', {
        randomize: first,
        fit: first,
        fixedNodeConstraint: first ? undefined : fixed.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })),
      }))
      .run();
  }

  remove(ids: string[]): void {
    if (ids.length === 0) return;
    const grouped = this.grouped;
    if (grouped) {
      this.change(() => {
        grouped.remove(ids);
        return grouped.applyTo(this.cy);
      });
      return;
    }
    this.change(() => {
      const removed = this.cy.remove(this.byIds(ids));
      // The nodes left at the removed edges' ends have a smaller degree, and so size.
      return removed.edges().connectedNodes().filter((n) => n.inside());
    });
  }

  /** Empties the canvas (undoably). */
  clear(): void {
    if (!this.grouped) return this.remove(this.cy.elements().map((e) => e.id()));
    this.change(() => {
      this.ungroup();
      this.cy.elements().remove();
    });
  }

  hide(ids: string[]): void {
    if (ids.length === 0) return;
    if (this.grouped) return this.changeGrouped((g) => g.setHidden(ids, true));
    this.change(() => {
      const elements = this.byIds(ids);
      return elements.union(elements.connectedEdges()).addClass('hidden');
    });
  }

  showHidden(): void {
    if (this.grouped) return void (this.grouped.counts().hidden > 0 && this.changeGrouped((g) => g.setHidden('all', false)));
    if (this.cy.$('.hidden').empty()) return;
    this.change(() => this.cy.$('.hidden').removeClass('hidden'));
  }

  toggleLock(ids: string[]): void {
    const nodes = this.byIds(ids).nodes();
    if (nodes.empty()) return;
    this.change(() => {
      const lock = nodes.some((n) => !(n as NodeSingular).locked());
      nodes.forEach((n) => {
        if (lock) n.lock().addClass('pinned');
        else n.unlock().removeClass('pinned');
      });
    });
  }

  /** Opens the communities holding `ids` (communities or their members): their members are drawn in their place. */
  open(ids: string[]): void {
    const grouped = this.grouped;
    if (grouped?.grouped && grouped.open(ids)) this.change(() => grouped.applyTo(this.cy), false);
  }

  /** Closes the open communities holding `ids`, or all open ones: the way back from `open`. */
  collapse(ids: string[]): void {
    const grouped = this.grouped;
    if (!grouped?.grouped) return;
    grouped.collapse(ids);
    this.change(() => grouped.applyTo(this.cy), false);
  }

  /** Stops finding communities and draws the whole view instead. */
  cancelGrouping(): void {
    if (!this.grouped || !this.detection) return;
    const snapshot = this.grouped.snapshot(this.cy);
    this.groupingDeclined = true;
    this.drawWhole(snapshot, false);
  }

  /** Runs a layout over what is visible; a layout whose extension loads on first use runs once it has loaded. */
  async runLayout(id: LayoutId): Promise<void> {
    if (this.cy.nodes().empty()) return;
    await ensureLayout(id);
    this.change(() => {
      this.cy.elements(':visible').layout(layoutOptions(id, { randomize: true, fit: true })).run();
    });
  }

  /**
   * Applies React's view in one batched pass: every element when filters or sizing change, else only the elements
   * whose selection changes. Nothing is reported back: the canvas reports what the person does, not what it is told.
   */
  show(view: CanvasView): void {
    const before = this.view;
    this.view = view;
    const everything = view.filters !== before.filters || view.sizeByDegree !== before.sizeByDegree;
    if (!everything && sameIds(before.selected, view.selected)) return;
    this.cy.batch(() => paintView(this.cy, everything ? this.cy.elements() : this.byIds([...before.selected, ...view.selected]), view));
  }

  /** Marks a path; everything else fades until `clearHighlight`. */
  highlight(ids: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('highlighted faded');
      if (ids.length === 0) return;
      const path = this.byIds(ids);
      path.addClass('highlighted');
      this.cy.elements().difference(path).addClass('faded');
    });
  }

  /** A story step taken from the canvas: what is drawn, camera, positions, and `highlighted` (else what is marked). */
  storyFrame(highlighted: string[]): CanvasFrame {
    return takeFrame(this.cy, highlighted.length ? highlighted : this.cy.$('.highlighted').map((e) => e.id()));
  }

  /** Shows a story step: its highlight, positions and camera, animated unless `instant`. Not an undoable change. */
  showStep(step: Pick<StoryStep, 'highlighted' | 'camera' | 'positions'>, instant = false): void {
    showFrame(this.cy, step, instant);
  }

  /** Draws only a story's elements (for presenting it); the function returned puts back what was drawn, and the view. */
  presentGraph(graph: Graph, positions: Record<string, Position>): () => void {
    const before = this.snapshot();
    const viewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.drawWhole({ nodes: [], edges: [] }, false);
    this.add(graph, { positions, record: false });
    return () => {
      this.cy.stop(true);
      this.restore(before);
      this.cy.viewport(viewport);
    };
  }

  /** Brings elements into view; a single node is centred rather than blown up to fill the screen. */
  fitView(ids: string[] = []): void {
    const target = ids.length ? this.byIds(ids) : this.cy.elements(':visible');
    if (target.empty()) return;
    this.cy.stop();
    if (target.length === 1 && target.isNode()) {
      this.cy.animate({ center: { eles: target }, zoom: Math.max(this.cy.zoom(), 1) }, { duration: 250 });
      return;
    }
    this.cy.animate({ fit: { eles: target, padding: 60 } }, { duration: 250, complete: () => this.cy.zoom() > 1.6 && this.cy.zoom({ level: 1.6, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } }) });
  }

  zoomBy(factor: number): void {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  undo(): void {
    const step = undo(this.history, this.snapshot());
    if (!step) return;
    this.history = step.history;
    this.restore(step.state);
  }

  redo(): void {
    const step = redo(this.history, this.snapshot());
    if (!step) return;
    this.history = step.history;
    this.restore(step.state);
  }

  snapshot(): CanvasSnapshot {
    if (this.grouped) return this.grouped.snapshot(this.cy);
    return {
      nodes: this.cy.nodes().map((n) => ({ data: n.data() as NodeData, position: { ...n.position() }, locked: n.locked(), hidden: n.hasClass('hidden') })),
      edges: this.cy.edges().map((e) => ({ data: e.data() as EdgeData, hidden: e.hasClass('hidden') })),
    };
  }

  /**
   * Replaces the canvas with a snapshot (undo, redo, a saved view); positions come back as they were. A snapshot of
   * COMMUNITY_VIEW_NODES or more is drawn as communities, found again.
   */
  restore(snapshot: CanvasSnapshot, options: { record?: boolean } = {}): void {
    const small = snapshot.nodes.length < COMMUNITY_VIEW_NODES;
    if (small) this.groupingDeclined = false;
    if (small || this.groupingDeclined) return this.drawWhole(snapshot, options.record ?? false);
    if (options.record) this.history = record(this.history, this.snapshot(), HISTORY_BUDGET);
    this.group(snapshot);
  }

  /** Draws every element of a snapshot, no communities. */
  private drawWhole(snapshot: CanvasSnapshot, undoable: boolean): void {
    this.ungroup();
    this.onGrow(snapshot.nodes.length + snapshot.edges.length);
    const apply = () => {
      this.cy.elements().remove();
      const added = this.cy.add([
        ...snapshot.nodes.map((n) => ({ group: 'nodes' as const, data: n.data, position: { ...n.position }, classes: classes(n.hidden, n.locked) })),
        ...snapshot.edges.map((e) => ({ group: 'edges' as const, data: e.data, classes: classes(e.hidden, false) })),
      ]);
      added.nodes().forEach((n, i) => {
        if (snapshot.nodes[i]?.locked) n.lock();
      });
      return added;
    };
    this.change(apply, undoable);
  }

  /** Holds `snapshot` outside Cytoscape and finds its communities (in a worker); they are drawn when found. */
  private group(snapshot: CanvasSnapshot): void {
    this.ungroup();
    const grouped = new GroupedView(snapshot);
    this.grouped = grouped;
    this.cy.elements().remove();
    const nodes = grouped.nodeList();
    const grouping = `Grouping ${nodes.length.toLocaleString('en')} nodes into communities`;
    this.progress = `${grouping}…`;
    const detection = detectCommunities(nodes.map((n) => n.data), grouped.edgeList().map((e) => e.data), (p) => {
      this.progress = `${grouping}: pass ${p.level}, ${p.communities.toLocaleString('en')} groups…`;
      this.report();
    });
    this.detection = detection;
    this.report();
    detection.membership.then(
      (membership) => {
        if (this.grouped !== grouped) return;
        grouped.setMembership(nodes, membership);
        this.detection = null;
        this.progress = null;
        this.change(() => grouped.applyTo(this.cy), false);
        this.cy.fit(undefined, 60);
      },
      () => {
        // Cancelling ungroups first; still grouped here means the worker failed: the view is drawn whole instead.
        if (this.grouped !== grouped) return;
        this.groupingDeclined = true;
        this.drawWhole(grouped.snapshot(this.cy), false);
      },
    );
  }

  /** Stops holding a view outside Cytoscape (and finding its communities); leaves Cytoscape as it is. */
  private ungroup(): void {
    this.detection?.cancel();
    this.detection = null;
    this.progress = null;
    this.grouped = null;
  }

  private changeGrouped(mutate: (grouped: GroupedView) => void): void {
    const grouped = this.grouped!;
    this.change(() => {
      mutate(grouped);
      return grouped.applyTo(this.cy);
    });
  }

  summary(): CanvasSummary {
    const rest = { canUndo: this.history.past.length > 0, canRedo: this.history.future.length > 0 };
    const grouped = this.grouped;
    if (!grouped) return summarise(this.cy, { ...rest, grouping: null });
    const { open, closed, hidden } = grouped.counts();
    const cached = this.heldSummary;
    const summary =
      cached?.of === grouped && cached.version === grouped.version
        ? cached.summary
        : summariseElements(grouped.nodeList().map((n) => n.data), grouped.edgeList().map((e) => e.data), hidden, { ...rest, grouping: null });
    this.heldSummary = { of: grouped, version: grouped.version, summary };
    return { ...summary, ...rest, grouping: { progress: this.progress, open, closed } };
  }

  /** The element as the panels name it, or null when it is not on the canvas. */
  element(id: string): CanvasElement | null {
    const e = this.cy.getElementById(id);
    if (e.nonempty() && isCommunityId(id)) return { id, group: 'nodes', label: String(e.data('label')), members: e.data('members') as number };
    if (e.nonempty()) return { id, group: e.isNode() ? 'nodes' : 'edges', label: String(e.data('label')) };
    const held = this.grouped?.node(id);
    return held ? { id, group: 'nodes', label: held.data.label } : null;
  }

  /** Those of `ids` that are on the canvas and not hidden: what a selection can still hold after a change. */
  shown(ids: string[]): string[] {
    const kept = ids.filter((id) => {
      const e = this.cy.getElementById(id);
      return (e.nonempty() && !e.hasClass('hidden')) || this.grouped?.shows(id);
    });
    return kept.length === ids.length ? ids : kept;
  }

  /** What can be seen (every visible node, or the visible ones among `among`): what an export holds. */
  visible(among?: readonly string[]): VisibleElements {
    return visibleElements(this.cy, among);
  }

  /** How these elements look where they are, as plain data: what the image exports draw. */
  scene(elements: { nodes: string[]; edges: string[] }, measure: Measure): Scene {
    return drawnScene(this.cy, elements, measure);
  }

  /** One change, in one batch: the mutation, then React's view applied to what it touched, then one summary. */
  private change(mutate: () => Collection | void, undoable = true): void {
    if (undoable) this.history = record(this.history, this.snapshot(), HISTORY_BUDGET);
    this.cy.batch(() => {
      const touched = mutate();
      if (touched) paintView(this.cy, touched, this.view);
    });
    this.report();
  }

  private report(): void {
    this.onChange(this.summary());
  }

  private byIds(ids: string[]): CollectionReturnValue {
    const collection = this.cy.collection();
    for (const id of ids) collection.merge(this.cy.getElementById(id));
    return collection;
  }

  private viewportCentre(): Position {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }
}

/** Where `count` new nodes start: evenly around `centre`. */
export function ringPositions(centre: Position, count: number): Position[] {
  const radius = 120 + 12 * Math.sqrt(count);
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(count, 1);
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  });
}

/** The optional keys of NodeData and EdgeData: a write that drops one (a date removed) must clear it on the canvas. */
const OPTIONAL_DATA = ['confidence', 'date'] as const;

/** Sets a drawn element's data as it is now; an edge's ends stay as drawn (Cytoscape moves edges otherwise). */
function replaceData(element: CollectionReturnValue, data: NodeData | EdgeData): void {
  const gone = OPTIONAL_DATA.filter((key) => !(key in data));
  if (gone.length > 0) element.removeData(gone.join(' '));
  element.data(Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'source' && key !== 'target')));
}

function classes(hidden: boolean, locked: boolean): string {
  return [hidden ? 'hidden' : '', locked ? 'pinned' : ''].filter(Boolean).join(' ');
}

