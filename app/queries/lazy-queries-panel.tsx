import { lazy, Suspense } from 'react';
import type { CanvasController } from '../graph/canvas-controller';

/** The queries panel and its editor load on first open: CodeMirror stays out of the first bundle. */
const QueriesPanel = lazy(() => import('./queries-panel').then((m) => ({ default: m.QueriesPanel })));

interface Props {
  controller: CanvasController | null;
  selectedIds: string[];
  onClose: () => void;
}

export function LazyQueriesPanel(props: Props) {
  return (
    <Suspense fallback={<aside className="queries-panel queries-note" aria-label="Queries">Loading the queries panel…</aside>}>
      <QueriesPanel {...props} />
    </Suspense>
  );
}
