import { useEffect } from 'react';
import type { CanvasController } from '../graph/canvas-controller';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** "/" search, Delete remove, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, F fit. */
export function useShortcuts(controller: CanvasController | null, selectedIds: string[]) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!controller || typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('input[aria-label="Search the graph"]')?.focus();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedIds.length) {
        controller.remove(selectedIds);
      } else if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) controller.redo();
        else controller.undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        controller.redo();
      } else if (!mod && e.key.toLowerCase() === 'f') {
        controller.fitView();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, selectedIds]);
}
