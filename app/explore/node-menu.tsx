import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ContextTarget } from '../graph/canvas-events';
import { useNodeDetails } from './api/use-node-details';
import { edgeLabel } from '../../shared/model/graph-model';

export interface NodeMenuActions {
  expand: (id: string, types?: string[], direction?: 'in' | 'out' | 'both') => void;
  hide: (ids: string[]) => void;
  remove: (ids: string[]) => void;
  pin: (ids: string[]) => void;
  pathEnd: (end: 'from' | 'to', id: string) => void;
}

/** Right-click on a node: expand by relationship type and direction (with counts), or act on it. */
export function NodeMenu({ target, actions, onClose }: { target: ContextTarget; actions: NodeMenuActions; onClose: () => void }) {
  const { data, isPending, error } = useNodeDetails(target.group === 'nodes' ? target.id : null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: target.x + 8, top: target.y + 8 });
  // Keep the whole menu inside the canvas: open it upwards or leftwards near the edges.
  useLayoutEffect(() => {
    const element = menu.current;
    const parent = element?.offsetParent as HTMLElement | null;
    if (!element || !parent) return;
    const left = Math.max(4, Math.min(target.x + 8, parent.clientWidth - element.offsetWidth - 4));
    const top = Math.max(4, Math.min(target.y + 8, parent.clientHeight - element.offsetHeight - 4));
    setPlace({ left, top });
  }, [target.x, target.y, data]);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [data]);
  const act = (fn: () => void) => () => {
    fn();
    onClose();
  };
  const total = data?.degree.reduce((sum, d) => sum + d.count, 0) ?? 0;
  return (
    <div
      ref={menu}
      className="node-menu"
      role="menu"
      aria-label="Node actions"
      style={place}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {target.group === 'nodes' && (
        <>
          <button type="button" role="menuitem" disabled={!total} onClick={act(() => actions.expand(target.id))}>
            Expand all{data ? ` (${total})` : ''}
          </button>
          {isPending && <p className="menu-note">Counting relationships…</p>}
          {error && <p className="menu-note error">{error.message}</p>}
          {data?.degree.map((d) => (
            <button key={`${d.type}-${d.direction}`} type="button" role="menuitem" className="menu-sub" onClick={act(() => actions.expand(target.id, [d.type], d.direction))}>
              {d.direction === 'out' ? `${edgeLabel(d.type)} →` : `← ${edgeLabel(d.type)}`} ({d.count})
            </button>
          ))}
          <hr />
          <button type="button" role="menuitem" onClick={act(() => actions.pathEnd('from', target.id))}>
            Path from here
          </button>
          <button type="button" role="menuitem" onClick={act(() => actions.pathEnd('to', target.id))}>
            Path to here
          </button>
          <button type="button" role="menuitem" onClick={act(() => actions.pin([target.id]))}>
            Pin / unpin
          </button>
        </>
      )}
      <button type="button" role="menuitem" onClick={act(() => actions.hide([target.id]))}>
        Hide
      </button>
      <button type="button" role="menuitem" onClick={act(() => actions.remove([target.id]))}>
        Remove from canvas
      </button>
    </div>
  );
}
