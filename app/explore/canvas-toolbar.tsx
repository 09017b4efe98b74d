import { useState, type ReactNode } from 'react';
import type { CanvasController } from '../graph/canvas-controller';
import type { CanvasSummary } from '../graph/canvas-summary';
import { LAYOUTS, type LayoutId } from '../graph/layouts';

interface Props {
  controller: CanvasController | null;
  summary: CanvasSummary | null;
  selectedIds: string[];
  sizeByDegree: boolean;
  onSizeByDegree: (on: boolean) => void;
  /** Other features' commands (composed in app.tsx). */
  tools?: ReactNode;
}

/** Layout, view and editing commands; each one goes through the canvas controller (and so into undo). */
export function CanvasToolbar({ controller, summary, selectedIds, sizeByDegree, onSizeByDegree, tools }: Props) {
  const [layout, setLayout] = useState<LayoutId>('fcose');
  const none = selectedIds.length === 0;
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <div className="tool-group">
        <label className="visually-hidden" htmlFor="layout-select">
          Layout
        </label>
        <select id="layout-select" value={layout} onChange={(e) => setLayout(e.target.value as LayoutId)}>
          {LAYOUTS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => controller?.runLayout(layout)}>
          Run layout
        </button>
      </div>
      <div className="tool-group">
        <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => controller?.zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => controller?.zoomBy(0.8)}>
          −
        </button>
        <button type="button" title="Fit the graph in view (F)" onClick={() => controller?.fitView()}>
          Fit
        </button>
      </div>
      {summary?.grouping && (
        <div className="tool-group">
          <button
            type="button"
            disabled={!summary.grouping.open}
            title="Close the open communities of the selection, or all of them (double-click a community to open it)"
            onClick={() => controller?.collapse(selectedIds)}
          >
            Collapse
          </button>
        </div>
      )}
      <div className="tool-group">
        <button type="button" title="Undo (Ctrl+Z)" disabled={!summary?.canUndo} onClick={() => controller?.undo()}>
          Undo
        </button>
        <button type="button" title="Redo (Ctrl+Shift+Z)" disabled={!summary?.canRedo} onClick={() => controller?.redo()}>
          Redo
        </button>
      </div>
      <div className="tool-group">
        <button type="button" disabled={none} title="Pin or unpin the selected nodes" onClick={() => controller?.toggleLock(selectedIds)}>
          Pin
        </button>
        <button type="button" disabled={none} title="Hide the selection" onClick={() => controller?.hide(selectedIds)}>
          Hide
        </button>
        <button type="button" disabled={none} title="Remove the selection from the canvas (Delete)" onClick={() => controller?.remove(selectedIds)}>
          Remove
        </button>
        <button type="button" disabled={!summary?.hiddenCount} onClick={() => controller?.showHidden()}>
          Show hidden{summary?.hiddenCount ? ` (${summary.hiddenCount})` : ''}
        </button>
        <button type="button" disabled={!summary?.nodeCount} title="Remove everything from the canvas" onClick={() => controller?.clear()}>
          Clear
        </button>
      </div>
      {tools && <div className="tool-group">{tools}</div>}
      <label className="tool-toggle">
        <input type="checkbox" checked={sizeByDegree} onChange={(e) => onSizeByDegree(e.target.checked)} /> Size by degree
      </label>
    </div>
  );
}
