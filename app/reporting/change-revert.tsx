import { useState } from 'react';
import type { Change } from '../../shared/contract';
import { importUndoText } from './import-undo';

interface Props {
  change: Change;
  pending: boolean;
  onRevert: () => void;
}

/**
 * A change's Revert button. An import's asks first, saying what it will delete: it can be thousands of nodes, and
 * the revert of an import cannot itself be reverted.
 */
export function ChangeRevert({ change, pending, onRevert }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (change.kind !== 'import') {
    return (
      <button type="button" className="link" aria-label={`Revert: ${change.summary}`} disabled={pending} onClick={onRevert}>
        Revert
      </button>
    );
  }
  if (!confirming) {
    return (
      <button type="button" className="link" aria-label={`Undo import: ${change.summary}`} disabled={pending} onClick={() => setConfirming(true)}>
        Undo this import…
      </button>
    );
  }
  return (
    <div className="change-confirm" role="group" aria-label="Undo this import?">
      <p>{importUndoText(change.counts)}</p>
      <button
        type="button"
        className="danger"
        disabled={pending}
        onClick={() => {
          setConfirming(false);
          onRevert();
        }}
      >
        Undo the import
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  );
}
