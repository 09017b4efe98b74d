import { useEffect, useRef } from 'react';
import type { CanvasController } from '../graph/canvas-controller';
import type { CanvasFilters } from '../graph/filters';
import { decodeView, encodeView, viewFromSnapshot, type ViewState } from '../graph/view-state';

const HASH_KEY = '#view=';

export function viewInUrl(): ViewState | null {
  return window.location.hash.startsWith(HASH_KEY) ? decodeView(window.location.hash.slice(HASH_KEY.length)) : null;
}

/** Keeps the URL's hash in step with the canvas, so copying the URL copies the view. */
export function useViewUrl(controller: CanvasController | null, version: unknown, filters: CanvasFilters, selected: string[]) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!controller) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const snapshot = controller.snapshot();
      const hash = snapshot.nodes.length ? `${HASH_KEY}${encodeView(viewFromSnapshot(snapshot, filters, selected))}` : '';
      if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    }, 300);
    return () => clearTimeout(timer.current);
  }, [controller, version, filters, selected]);
}
