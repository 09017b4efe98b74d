import cytoscape from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import { bindCanvasEvents, type CanvasEvents } from './canvas-events';
import { CanvasController } from './canvas-controller';
import type { CanvasSummary } from './canvas-summary';
import type { CanvasFilters } from './filters';
import { isCommunityId } from './communities/community-view';
import { bindLabelFit } from './label-fit';
import { initialMode, LevelOfDetail, renderOptions, type RendererChoice, type ViewMode } from './level-of-detail';
import { patchParallelEdges } from './parallel-edges';

export interface GraphCanvasProps extends CanvasEvents {
  controllerRef: RefObject<CanvasController | null>;
  filters: CanvasFilters;
  sizeByDegree: boolean;
  selectedIds: string[];
  onSummary: (summary: CanvasSummary) => void;
  /** Which renderer draws large views (level-of-detail.ts); read once, when the canvas is created. Default `auto`. */
  renderer?: RendererChoice;
  /** Told when the canvas switches to or from the large-view mode. */
  onViewMode?: (mode: ViewMode) => void;
}

/**
 * The only owner of the Cytoscape instance. It creates it once, binds its events once, and hands a
 * CanvasController to the page. One way: React passes filters and selection in, applied in one place; the
 * canvas reports what the person does (taps, double-taps, context menus) and summaries of what it holds.
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
      // Clicks select nothing by themselves: they are reported, and the selection comes back from React.
      autounselectify: true,
      ...renderOptions(initialMode(renderer)),
    });
    patchParallelEdges(cy);
    // Large views switch to level of detail (and WebGL where there is one) as soon as a change makes them large.
    const detail = new LevelOfDetail(cy, renderer, (mode) => latest.current.onViewMode?.(mode));
    const labels = bindLabelFit(cy, () => !detail.mode.large);
    const controller = new CanvasController(
      cy,
      (summary) => {
        // What Cytoscape draws decides the mode: a view drawn as communities holds far more than it draws.
        detail.update(cy.elements().length);
        labels.refresh();
        latest.current.onSummary(summary);
      },
      (elements) => detail.grow(elements),
    );
    controllerRef.current = controller;
    // A read-only handle for end-to-end tests, the bench page and the browser console.
    (window as unknown as { __threadlineCy?: cytoscape.Core }).__threadlineCy = cy;
    // A double-click on a community opens it, and the view takes in its members beside the others; on anything
    // else it is reported (to expand from the server). A community has no menu (its commands are the server's).
    const onExpand = (id: string) => {
      if (!isCommunityId(id)) return latest.current.onExpand(id);
      controller.open([id]);
      controller.fitView();
    };
    const onContextMenu: CanvasEvents['onContextMenu'] = (target) => latest.current.onContextMenu(target && isCommunityId(target.id) ? null : target);
    bindCanvasEvents(cy, () => ({ ...latest.current, onExpand, onContextMenu }));
    // Panels opening and closing change the canvas's size, not the window's.
    const resize = new ResizeObserver(() => cy.resize());
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      cy.destroy();
      controllerRef.current = null;
    };
  }, [controllerRef]);

  useEffect(() => {
    controllerRef.current?.show({ filters, selected: selectedIds, sizeByDegree });
  }, [controllerRef, filters, selectedIds, sizeByDegree]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" role="img" aria-label="Graph canvas" />;
}
