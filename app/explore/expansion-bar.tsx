export interface Expansion {
  id: string;
  name: string;
  types: string[];
  direction: 'in' | 'out' | 'both';
  shown: number;
  total: number;
  nextCursor: string | null;
}

/** After an expand: how many of the neighbours are on the canvas, and a way to bring the next page. */
export function ExpansionBar({ expansion, busy, onMore, onDismiss }: { expansion: Expansion; busy: boolean; onMore: () => void; onDismiss: () => void }) {
  return (
    <div className="expansion-bar" role="status">
      <span>
        {expansion.name}: showing {expansion.shown} of {expansion.total} relationships
        {expansion.types.length ? ` (${expansion.types.join(', ')})` : ''}
      </span>
      {expansion.nextCursor && (
        <button type="button" disabled={busy} onClick={onMore}>
          {busy ? 'Loading…' : `Show ${Math.min(25, expansion.total - expansion.shown)} more`}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
