/**
 * What other features may add to the explorer, composed in app.tsx: the explorer imports no other feature.
 * Each gets the canvas controller and the selection.
 */
import type { ReactNode } from 'react';
import type { EdgeDetails, NodeDetails } from '../../shared/contract';
import type { CanvasController } from '../graph/canvas-controller';

export interface CanvasAccess {
  controller: CanvasController | null;
  selectedIds: string[];
  /** Select these elements in the explorer (with a side panel closed, the details panel shows the one selected). */
  select: (ids: string[]) => void;
  /** Open the side panel with this label, as its toolbar button does. */
  openPanel: (label: string) => void;
}

/** A panel beside the canvas, opened and closed by a toolbar button with its label; one is open at a time. */
export interface SidePanel {
  label: string;
  render: (canvas: CanvasAccess, close: () => void) => ReactNode;
}

export interface ExploreSlots {
  /** Commands at the end of the canvas toolbar (Export…). */
  canvasTools?: (canvas: CanvasAccess) => ReactNode;
  /** Side panels in toolbar order (Queries, Sources…). */
  panels?: SidePanel[];
  /** More at the end of a node's or an edge's details (editing, merging, history). */
  details?: (about: DetailsAbout, canvas: CanvasAccess) => ReactNode;
}

/** The element a details panel shows, as fetched, and how to fetch it again after a write. */
export type DetailsAbout = ({ group: 'nodes'; details: NodeDetails } | { group: 'edges'; details: EdgeDetails }) & { reload: () => void };
