import { useCallback, useEffect, useRef, useState } from 'react';
import type { Evidence, PathResult, WireNode } from '../../shared/contract';
import type { CanvasController } from '../graph/canvas-controller';
import type { ContextTarget } from '../graph/canvas-events';
import { EMPTY_SUMMARY, type CanvasSummary } from '../graph/canvas-summary';
import { NO_FILTERS, type CanvasFilters } from '../graph/filters';
import { GraphCanvas } from '../graph/graph-canvas';
import { ensureLayout } from '../graph/layout-loader';
import { nextSelection, type SelectIntent } from '../graph/selection';
import { decodeView, encodeView, followRedirects, snapshotFromView, viewFromSnapshot, type ViewState } from '../graph/view-state';
import { TimelineStrip } from '../timeline/timeline-strip';
import { fetchOverview } from './api/use-overview';
import { fetchSubgraph } from './api/use-subgraph';
import { CanvasToolbar } from './canvas-toolbar';
import { CommunityCard } from './community-card';
import { DetailsPanel } from './details-panel';
import type { CanvasAccess, ExploreSlots } from './explore-slots';
import { ExpansionBar } from './expansion-bar';
import { FiltersPanel } from './filters-panel';
import { Legend } from './legend';
import { NodeMenu, type NodeMenuActions } from './node-menu';
import { PathsPanel } from './paths-panel';
import { SearchBox } from './search-box';
import { SourceReader } from './source-reader';
import { useExpansion } from './use-expansion';
import { useShortcuts } from './use-shortcuts';
import { useViewUrl, viewInUrl } from './use-view-url';
import { ViewsMenu } from './views-menu';

export function ExplorePage({ canvasTools, panels = [], details }: ExploreSlots) {
  const controllerRef = useRef<CanvasController | null>(null);
  const [controller, setController] = useState<CanvasController | null>(null);
  const [summary, setSummary] = useState<CanvasSummary | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [filters, setFilters] = useState<CanvasFilters>(NO_FILTERS);
  const [sizeByDegree, setSizeByDegree] = useState(false);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const [reading, setReading] = useState<Evidence | null>(null);
  const [pathEnds, setPathEnds] = useState<{ from: string | null; to: string | null } | null>(null);
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: true });
  const [openPanel, setOpenPanel] = useState<string | null>(null);
  const expansion = useExpansion(controller);

  useEffect(() => {
    setController(controllerRef.current);
  }, []);

  const showView = useCallback(
    async (asked: ViewState, undoable: boolean) => {
      if (!controller) return;
      const graph = await fetchSubgraph(asked.nodes.map((n) => n.id));
      // Entities merged since the view was written: shown as the ones they became (and the URL follows).
      const view = followRedirects(asked, graph.redirects);
      controller.restore(snapshotFromView(view, graph), { record: undoable });
      setFilters(view.filters);
      setSelectedIds(view.selected);
      controller.fitView();
    },
    [controller],
  );

  // First view: the one in the URL, else the best-connected part of the graph.
  useEffect(() => {
    if (!controller) return;
    const view = viewInUrl();
    const load = view
      ? showView(view, false)
      : Promise.all([fetchOverview(), ensureLayout('fcose')]).then(([graph]) => {
          controller.add(graph, { record: false });
          controller.fitView();
        });
    load.then(
      () => setStatus({ busy: false }),
      (err: Error) => setStatus({ busy: false, error: err.message }),
    );
  }, [controller, showView]);

  useViewUrl(controller, summary, filters, selectedIds);
  useShortcuts(controller, selectedIds);

  const addNode = useCallback(
    (node: WireNode) => {
      controller?.add({ nodes: [node], edges: [] });
      // A hit inside a closed community opens it.
      controller?.open([node.id]);
      setSelectedIds([node.id]);
      controller?.fitView([node.id]);
    },
    [controller],
  );
  const setPathEnd = (end: 'from' | 'to', id: string) => setPathEnds((p) => ({ from: p?.from ?? null, to: p?.to ?? null, [end]: id }));
  const onPathsFound = useCallback(
    (result: PathResult) => {
      controller?.add(result.graph);
      const ids = [...result.graph.nodes.map((n) => n.id), ...result.graph.edges.map((e) => e.id)];
      controller?.open(ids);
      controller?.highlight(ids);
      controller?.fitView(ids);
    },
    [controller],
  );
  const closePaths = () => {
    setPathEnds(null);
    controller?.highlight([]);
  };
  const actions: NodeMenuActions = {
    expand: expansion.expand,
    hide: (ids) => controller?.hide(ids),
    remove: (ids) => controller?.remove(ids),
    pin: (ids) => controller?.toggleLock(ids),
    pathEnd: setPathEnd,
  };

  const select = useCallback((intent: SelectIntent) => setSelectedIds((ids) => nextSelection(ids, intent)), []);
  // After a change on the canvas (removal, hiding, undo), the selection keeps only what is still shown.
  const onSummary = useCallback((next: CanvasSummary) => {
    setSummary(next);
    setSelectedIds((ids) => controllerRef.current?.shown(ids) ?? ids);
  }, []);

  const panel = panels.find((p) => p.label === openPanel);
  const canvasAccess: CanvasAccess = { controller, selectedIds, select: setSelectedIds, openPanel: setOpenPanel };

  const selected = selectedIds.length === 1 ? controller?.element(selectedIds[0]!) : null;
  const names = Object.fromEntries([pathEnds?.from, pathEnds?.to].flatMap((id) => (id ? [[id, controller?.element(id)?.label ?? id]] : [])));

  return (
    <div className="explore">
      <div className="toolbar">
        <SearchBox onPick={addNode} />
        <ViewsMenu
          currentState={() => {
            const snapshot = controller?.snapshot();
            return snapshot?.nodes.length ? { state: encodeView(viewFromSnapshot(snapshot, filters, selectedIds)), nodeCount: snapshot.nodes.length } : null;
          }}
          onOpen={(state) => {
            const view = decodeView(state);
            if (view) void showView(view, true);
          }}
        />
        {panels.map((p) => (
          <button key={p.label} type="button" className="panel-toggle" aria-pressed={openPanel === p.label} onClick={() => setOpenPanel((open) => (open === p.label ? null : p.label))}>
            {p.label}
          </button>
        ))}
        {summary && (
          <span className="counts" aria-live="polite">
            {summary.nodeCount} nodes · {summary.edgeCount} relationships
          </span>
        )}
      </div>
      <CanvasToolbar
        controller={controller}
        summary={summary}
        selectedIds={selectedIds}
        sizeByDegree={sizeByDegree}
        onSizeByDegree={setSizeByDegree}
        tools={canvasTools?.(canvasAccess)}
      />
      <div className="workspace">
        <FiltersPanel summary={summary ?? EMPTY_SUMMARY} filters={filters} onChange={setFilters} />
        <div className="canvas-column">
          <div className="canvas-wrap">
            {status.busy && <p className="canvas-message">Loading the graph…</p>}
            {summary?.grouping?.progress && (
              <p className="canvas-message" role="status">
                {summary.grouping.progress}{' '}
                <button type="button" onClick={() => controller?.cancelGrouping()}>
                  Cancel, draw every node
                </button>
              </p>
            )}
            {status.error && <p className="canvas-message error">Could not load the graph: {status.error}</p>}
            {expansion.error && <p className="canvas-message error">Could not expand: {expansion.error.message}</p>}
            <GraphCanvas
              controllerRef={controllerRef}
              filters={filters}
              sizeByDegree={sizeByDegree}
              selectedIds={selectedIds}
              onSelect={select}
              onSummary={onSummary}
              onExpand={(id) => expansion.expand(id)}
              onContextMenu={setMenu}
            />
            {menu && <NodeMenu target={menu} actions={actions} onClose={() => setMenu(null)} />}
            {expansion.expansion && <ExpansionBar expansion={expansion.expansion} busy={expansion.busy} onMore={expansion.more} onDismiss={expansion.dismiss} />}
          </div>
          <Legend kinds={summary?.kinds ?? []} />
          <TimelineStrip
            items={summary?.dated ?? []}
            range={filters.dateRange}
            onRange={(dateRange) => setFilters((f) => ({ ...f, dateRange }))}
            onPick={(id) => {
              controller?.open([id]);
              setSelectedIds([id]);
            }}
          />
        </div>
        {panel ? (
          panel.render(canvasAccess, () => setOpenPanel(null))
        ) : pathEnds ? (
          <PathsPanel from={pathEnds.from} to={pathEnds.to} names={names} onFound={onPathsFound} onClear={closePaths} onRead={setReading} />
        ) : selected?.members !== undefined ? (
          <CommunityCard community={selected} onOpen={() => controller?.open([selected.id])} onClose={() => setSelectedIds([])} />
        ) : (
          selected && (
            <DetailsPanel
              key={selected.id}
              id={selected.id}
              group={selected.group}
              onClose={() => setSelectedIds([])}
              onRead={setReading}
              onExpand={(id, type, direction) => expansion.expand(id, [type], direction)}
              onPathEnd={setPathEnd}
              extra={details && ((about) => details(about, canvasAccess))}
            />
          )
        )}
      </div>
      {reading && <SourceReader evidence={reading} onClose={() => setReading(null)} />}
    </div>
  );
}
