import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireEdge, WireNode } from '../../server/contract';
import type { CanvasController, CanvasSummary } from '../graph/canvas-controller';
import { NO_FILTERS, type CanvasFilters } from '../graph/filters';
import { snapshotFromView } from '../graph/view-state';
import { GraphCanvas, type ContextTarget } from '../graph/graph-canvas';
import { TimelineStrip } from '../timeline/timeline-strip';
import { CanvasToolbar } from './canvas-toolbar';
import { FiltersPanel } from './filters-panel';
import { Legend } from './legend';
import { PropertiesPanel } from './properties-panel';
import { SearchBox } from './search-box';
import { fetchOverview } from './use-overview';
import { fetchSubgraph } from './use-subgraph';
import { useShortcuts } from './use-shortcuts';
import { useViewUrl, viewInUrl } from './use-view-url';

export function ExplorePage() {
  const controllerRef = useRef<CanvasController | null>(null);
  const [controller, setController] = useState<CanvasController | null>(null);
  const [summary, setSummary] = useState<CanvasSummary | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [filters, setFilters] = useState<CanvasFilters>(NO_FILTERS);
  const [sizeByDegree, setSizeByDegree] = useState(false);
  const [, setContextTarget] = useState<ContextTarget | null>(null);
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: true });

  useEffect(() => setController(controllerRef.current), []);

  // First view: the one in the URL, else the best-connected part of the graph.
  useEffect(() => {
    if (!controller) return;
    const view = viewInUrl();
    const load = view
      ? fetchSubgraph(view.nodes.map((n) => n.id)).then((graph) => {
          controller.restore(snapshotFromView(view, graph));
          setFilters(view.filters);
          setSelectedIds(view.selected);
          controller.fit();
        })
      : fetchOverview().then((graph) => void controller.add(graph, { record: false }));
    load.then(
      () => setStatus({ busy: false }),
      (err: Error) => setStatus({ busy: false, error: err.message }),
    );
  }, [controller]);

  useViewUrl(controller, summary, filters, selectedIds);
  useShortcuts(controller, selectedIds);

  const addNode = useCallback(
    (node: WireNode) => {
      controller?.add({ nodes: [node], edges: [] });
      setSelectedIds([node.id]);
      controller?.fit([node.id]);
    },
    [controller],
  );

  const only = selectedIds.length === 1 ? controller?.cy.getElementById(selectedIds[0]!) : undefined;
  const selectedWire = only?.nonempty() ? (only.data('wire') as WireNode | WireEdge) : null;

  return (
    <div className="explore">
      <div className="toolbar">
        <SearchBox onPick={addNode} />
        {summary && (
          <span className="counts" aria-live="polite">
            {summary.nodeCount} nodes · {summary.edgeCount} relationships
          </span>
        )}
      </div>
      <CanvasToolbar controller={controller} summary={summary} selectedIds={selectedIds} sizeByDegree={sizeByDegree} onSizeByDegree={setSizeByDegree} />
      <div className="workspace">
        {summary && <FiltersPanel summary={summary} filters={filters} onChange={setFilters} />}
        <div className="canvas-column">
          <div className="canvas-wrap">
            {status.busy && <p className="canvas-message">Loading the graph…</p>}
            {status.error && <p className="canvas-message error">Could not load the graph: {status.error}</p>}
            <GraphCanvas
              controllerRef={controllerRef}
              filters={filters}
              sizeByDegree={sizeByDegree}
              selectedIds={selectedIds}
              onSelectionChange={setSelectedIds}
              onSummary={setSummary}
              onExpand={() => {}}
              onContextMenu={setContextTarget}
            />
            <Legend kinds={summary?.kinds ?? []} />
          </div>
          {summary && (
            <TimelineStrip
              items={summary.dated}
              range={filters.dateRange}
              onRange={(dateRange) => setFilters((f) => ({ ...f, dateRange }))}
              onPick={(id) => setSelectedIds([id])}
            />
          )}
        </div>
        {selectedWire && <PropertiesPanel element={selectedWire} onClose={() => setSelectedIds([])} />}
      </div>
    </div>
  );
}
