import { useEffect, useState } from 'react';
import type { RunResult } from '../../shared/contract';
import type { CanvasController } from '../graph/canvas-controller';
import { useSavedQuery } from './api/use-saved-query';
import { useSchema } from './api/use-schema';
import { QueryError } from './query-error';
import { QueryList } from './query-list';
import { QueryWorkspace } from './query-workspace';

interface Props {
  controller: CanvasController | null;
  selectedIds: string[];
  onClose: () => void;
}

/** A query opened from the list (`id`) or a new one (`id: null`); `session` starts a fresh workspace each time. */
type Opened = { session: number; id: string | null };

/** Saved and ad-hoc Cypher beside the canvas: the library, the editor, the run form, and results for the canvas. */
export function QueriesPanel({ controller, selectedIds, onClose }: Props) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const saved = useSavedQuery(opened?.id ?? null);
  const schema = useSchema();
  const open = (id: string | null) => setOpened((o) => ({ session: (o?.session ?? 0) + 1, id }));

  // A merged result stays marked on the canvas while the panel is open.
  useEffect(() => () => controller?.highlight([]), [controller]);

  const one = selectedIds.length === 1 ? controller?.element(selectedIds[0]!) : null;
  const selectedNode = one?.group === 'nodes' ? { id: one.id, name: one.label } : null;

  const openResult = (result: RunResult, mode: 'merge' | 'replace') => {
    if (!controller) return;
    const ids = [...result.graph.nodes.map((n) => n.id), ...result.graph.edges.map((e) => e.id)];
    if (mode === 'replace') {
      // One step to undo: the clearing is recorded, the adding is part of it.
      controller.restore({ nodes: [], edges: [] }, { record: true });
      controller.add(result.graph, { record: false });
      controller.highlight([]);
      controller.fitView();
    } else {
      controller.add(result.graph);
      controller.highlight(ids);
      controller.fitView(ids);
    }
  };

  const vocabulary = {
    labels: (schema.data?.labels ?? []).map((l) => l.label).filter((l) => !l.startsWith('_')),
    relationshipTypes: (schema.data?.relationshipTypes ?? []).map((t) => t.type),
    propertyKeys: schema.data?.propertyKeys ?? [],
  };

  return (
    <aside className="queries-panel" aria-label="Queries">
      <header className="queries-header">
        <h2>Queries</h2>
        <button type="button" className="icon-button" aria-label="Close queries" onClick={onClose}>
          ×
        </button>
      </header>
      {!opened ? (
        <QueryList onOpen={open} onNew={() => open(null)} />
      ) : opened.id && saved.isPending ? (
        <p className="queries-note">Loading the query…</p>
      ) : opened.id && saved.error ? (
        <>
          <button type="button" className="link" onClick={() => setOpened(null)}>
            ← All queries
          </button>
          <QueryError error={saved.error} action="open the query" />
        </>
      ) : (
        <QueryWorkspace
          key={opened.session}
          saved={saved.data}
          schema={vocabulary}
          selectedNode={selectedNode}
          onOpenResult={controller ? openResult : null}
          onBack={() => setOpened(null)}
          onCreated={(id) => setOpened((o) => o && { ...o, id })}
        />
      )}
    </aside>
  );
}
