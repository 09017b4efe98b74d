import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CanvasController } from '../graph/canvas-controller';
import { importEntitiesQuery } from './api/use-import-entities';

/** An import can bring thousands of entities: the canvas takes the first ones, and says how many are left out. */
const SHOWN = 200;

type State = { phase: 'idle' | 'loading' } | { phase: 'shown'; note: string } | { phase: 'error'; message: string };

/** "Show on canvas" after an import: adds what it created or changed (the first SHOWN) to the canvas. */
export function ShowImported({ change, controller }: { change: string; controller: CanvasController | null }) {
  const client = useQueryClient();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const show = async () => {
    setState({ phase: 'loading' });
    try {
      const { nodes, edges, total } = await client.fetchQuery(importEntitiesQuery(change, SHOWN));
      controller?.add({ nodes, edges });
      controller?.fitView(nodes.map((n) => n.id));
      const note = nodes.length < total ? `Added ${nodes.length} of the ${total} entities it brought to the canvas: search for the others.` : `Added the ${total} entities it brought to the canvas.`;
      setState({ phase: 'shown', note });
    } catch (err) {
      setState({ phase: 'error', message: `Could not show them: ${(err as Error).message}` });
    }
  };
  return (
    <p className="import-show">
      <button type="button" className="link" disabled={!controller || state.phase === 'loading'} onClick={() => void show()}>
        Show on canvas
      </button>{' '}
      {state.phase === 'shown' && <span role="status">{state.note}</span>}
      {state.phase === 'error' && <span className="error" role="alert">{state.message}</span>}
    </p>
  );
}
