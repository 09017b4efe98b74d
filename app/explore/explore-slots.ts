/**
 * What other features may add to the explorer, composed in app.tsx: the explorer imports no other feature.
 * Each gets the canvas controller and the selection.
 */
import type { ReactNode } from 'react';
import type { CanvasController } from '../graph/canvas-controller';

export interface CanvasAccess {
  controller: CanvasController | null;
  selectedIds: string[];
}

/** A panel beside the canvas, opened and closed by a toolbar button with its label. */
export interface SidePanel {
  label: string;
  render: (canvas: CanvasAccess, close: () => void) => ReactNode;
}

export interface ExploreSlots {
  /** Commands at the end of the canvas toolbar (Export…). */
  canvasTools?: (canvas: CanvasAccess) => ReactNode;
  panel?: SidePanel;
}
