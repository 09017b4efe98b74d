import { useState } from 'react';
import { fetchView, useDeleteView, useSaveView, useViews } from './api/use-views';

interface Props {
  /** The current view, encoded as in the URL; null while the canvas is empty. */
  currentState: () => { state: string; nodeCount: number } | null;
  onOpen: (state: string) => void;
}

/** Named views, shared through Neo4j by everyone using this Threadline. */
export function ViewsMenu({ currentState, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const views = useViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [openError, setOpenError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const current = currentState();
    if (!current || !name.trim()) return;
    save.mutate({ name: name.trim(), ...current }, { onSuccess: () => setName('') });
  };

  return (
    <div className="views-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Saved views
      </button>
      {open && (
        <div className="views-popover" role="dialog" aria-label="Saved views">
          <form onSubmit={submit}>
            <input aria-label="View name" placeholder="Name this view…" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
            <button type="submit" disabled={!name.trim() || save.isPending}>
              Save
            </button>
          </form>
          {save.error && <p className="error">Could not save: {save.error.message}</p>}
          {openError && <p className="error">{openError}</p>}
          {views.isPending && <p className="menu-note">Loading views…</p>}
          {views.data?.views.length === 0 && <p className="menu-note">No saved views yet.</p>}
          <ul>
            {views.data?.views.map((view) => (
              <li key={view.id}>
                <button
                  type="button"
                  className="view-open"
                  onClick={() =>
                    fetchView(view.id).then(
                      (full) => {
                        onOpen(full.state);
                        setOpen(false);
                      },
                      (err: Error) => setOpenError(`Could not open ${view.name}: ${err.message}`),
                    )
                  }
                >
                  {view.name} <span className="menu-note">{view.nodeCount} nodes</span>
                </button>
                <button type="button" className="icon-button" aria-label={`Delete ${view.name}`} onClick={() => remove.mutate(view.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
