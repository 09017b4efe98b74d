import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, type RefObject } from 'react';
import { CanvasController, type CanvasSummary } from './canvas-controller';
import type { CanvasFilters } from './filters';
import { stylesheet } from './stylesheet';

cytoscape.use(fcose);
cytoscape.use(dagre);

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
    const cy = cytoscape({
      container: container.current,
      style: stylesheet,
      wheelSensitivity: 0.3,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: true,
      textureOnViewport: true,
      hideEdgesOnViewport: false,
    });
    const controller = new CanvasController(cy, (summary) => latest.current.onSummary(summary));
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
