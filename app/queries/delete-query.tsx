import { useState } from 'react';
import type { SavedQuery } from '../../shared/contract';
import { useDeleteQuery } from './api/use-delete-query';
import { QueryError } from './query-error';

/** Deleting is for everyone and takes the history with it: it asks first. */
export function DeleteQuery({ query, onDeleted }: { query: SavedQuery; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteQuery();
  return (
    <div className="queries-danger">
      {confirming ? (
        <>
          <span>Delete “{query.name}” and its history for everyone?</span>
          <button type="button" className="queries-delete" disabled={remove.isPending} onClick={() => remove.mutate(query.id, { onSuccess: onDeleted })}>
            Delete
          </button>
          <button type="button" className="link" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)}>
          Delete this query…
        </button>
      )}
      <QueryError error={remove.error} action="delete the query" />
    </div>
  );
}
