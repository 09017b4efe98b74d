import { useCallback, useState } from 'react';
import type { CanvasController } from '../graph/canvas-controller';
import { useExpand } from './api/use-expand';
import type { Expansion } from './expansion-bar';

/** Expands nodes page by page onto the canvas, remembering the last expansion for "show more". */
export function useExpansion(controller: CanvasController | null) {
  const expand = useExpand();
  const [expansion, setExpansion] = useState<Expansion | null>(null);

  const run = useCallback(
    async (id: string, types: string[] = [], direction: Expansion['direction'] = 'both', previous?: Expansion) => {
      if (!controller) return;
      const page = await expand.mutateAsync({ id, types, direction, cursor: previous?.nextCursor });
      controller.add({ nodes: page.nodes, edges: page.edges }, { near: id });
      setExpansion({
        id,
        name: controller.element(id)?.label ?? id,
        types,
        direction,
        shown: (previous?.shown ?? 0) + page.edges.length,
        total: page.total,
        nextCursor: page.nextCursor,
      });
    },
    [controller, expand],
  );

  return {
    expansion,
    busy: expand.isPending,
    error: expand.error,
    expand: (id: string, types?: string[], direction?: Expansion['direction']) => void run(id, types, direction).catch(() => {}),
    more: () => expansion && void run(expansion.id, expansion.types, expansion.direction, expansion).catch(() => {}),
    dismiss: () => {
      setExpansion(null);
      expand.reset();
    },
  };
}
