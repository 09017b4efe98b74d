import cytoscape from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import { CanvasController, type CanvasSummary } from './canvas-controller';
import type { CanvasFilters } from './filters';
import { initialMode, LevelOfDetail, renderOptions, type RendererChoice, type ViewMode } from './level-of-detail';
import { patchParallelEdges } from './parallel-edges';

export interface ContextTarget {
  id: string;
  group: 'nodes' | 'edges';
  /** Where to open a menu, relative to the canvas. */
  x: number;
  y: number;
}

export interface GraphCanvasProps {
  controllerRef: RefObject<CanvasController | null>;
  filters: CanvasFilters;
  sizeByDegree: boolean;
  selectedIds: string[];
  onSelectionChange: (ids: string[]) => void;
  onSummary: (summary: CanvasSummary) => void;
  onExpand: (nodeId: string) => void;
  onContextMenu: (target: ContextTarget | null) => void;
  /** Which renderer draws large views (level-of-detail.ts); read once, when the canvas is created. Default `auto`. */
  renderer?: RendererChoice;
  /** Told when the canvas switches to or from the large-view mode. */
  onViewMode?: (mode: ViewMode) => void;
}

/**
 * The only owner of the Cytoscape instance. It creates it once, binds its events once, and hands a
 * CanvasController to the page; React passes filters and selection in, and gets summaries out.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const { controllerRef, filters, sizeByDegree, selectedIds } = props;

  useEffect(() => {
    const renderer = latest.current.renderer ?? 'auto';
    const cy = cytoscape({
      container: container.current,
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      ...renderOptions(initialMode(renderer)),
    });
    patchParallelEdges(cy);
    // Large views switch to level of detail (and WebGL where there is one) as soon as a change makes them large.
    const detail = new LevelOfDetail(cy, renderer, (mode) => latest.current.onViewMode?.(mode));
    const controller = new CanvasController(
      cy,
      (summary) => {
        detail.update(summary.nodeCount + summary.edgeCount);
        latest.current.onSummary(summary);
      },
      (elements) => detail.grow(elements),
    );
    controllerRef.current = controller;
    // A read-only handle for end-to-end tests and the browser console.
    (window as unknown as { __threadlineCy?: cytoscape.Core }).__threadlineCy = cy;

    let selectionTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('select unselect', () => {
      clearTimeout(selectionTimer);
      selectionTimer = setTimeout(() => latest.current.onSelectionChange(cy.$(':selected').map((e) => e.id())), 0);
    });
    cy.on('dbltap', 'node', (event) => latest.current.onExpand(event.target.id() as string));
    cy.on('cxttap', 'node, edge', (event) => {
      const { x, y } = event.renderedPosition ?? event.target.renderedPosition();
      latest.current.onContextMenu({ id: event.target.id() as string, group: event.target.isNode() ? 'nodes' : 'edges', x, y });
    });
    cy.on('tap pan zoom', () => latest.current.onContextMenu(null));
    // Panels opening and closing change the canvas's size, not the window's.
    const resize = new ResizeObserver(() => cy.resize());
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      clearTimeout(selectionTimer);
      cy.destroy();
      controllerRef.current = null;
    };
  }, [controllerRef]);

  useEffect(() => {
    controllerRef.current?.setFilters(filters);
  }, [controllerRef, filters]);
  useEffect(() => {
    controllerRef.current?.setSizeByDegree(sizeByDegree);
  }, [controllerRef, sizeByDegree]);

  useEffect(() => {
    const cy = controllerRef.current?.cy;
    if (!cy) return;
    const current = cy.$(':selected').map((e) => e.id());
    if (current.length === selectedIds.length && current.every((id) => selectedIds.includes(id))) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      for (const id of selectedIds) cy.getElementById(id).select();
    });
  }, [controllerRef, selectedIds]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" role="img" aria-label="Graph canvas" />;
}
