import { useState } from 'react';
import type { Change } from '../../shared/contract';
import type { CanvasController } from '../graph/canvas-controller';
import { useChanges } from './api/use-changes';
import { useRevertChange } from './api/use-revert-change';
import { refreshAfterRevert } from './canvas-refresh';
import { ChangeRevert } from './change-revert';

const KIND_WORDS: Record<Change['kind'], string> = { 'add-source': 'Source added', 'add-claim': 'Claim', retract: 'Retraction', revert: 'Revert', edit: 'Edit', 'new-version': 'Text corrected', merge: 'Merge', import: 'Import' };

const when = (at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

interface Props {
  canWrite: boolean;
  controller: CanvasController | null;
  /** Only the changes of this node, edge, quote or source (its history); every change without it. */
  target?: string;
  /** The list's accessible name. */
  label?: string;
  /** Told after a revert succeeded (the details panel then reloads what it shows). */
  onReverted?: () => void;
}

/** Changes, newest first: who, when, what; older ones a page at a time; editors revert one (409 when later ones depend on it). */
export function ChangesFeed({ canWrite, controller, target, label = 'Recent changes', onReverted }: Props) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useChanges(target);
  const revert = useRevertChange();
  const [reverting, setReverting] = useState<string | null>(null);

  if (isPending) return <p className="panel-status">Loading the changes…</p>;
  if (error) return <p className="error">Could not load the changes: {error.message}</p>;
  const changes = data.pages.flatMap((p) => p.changes);
  if (changes.length === 0) return <p className="queries-note">No changes yet.</p>;
  return (
    <>
      <ol className="changes" aria-label={label}>
        {changes.map((c) => (
          <li key={c.id} className={c.revertedBy ? 'change reverted' : 'change'}>
            <p className="change-meta">
              <span className="change-kind">{KIND_WORDS[c.kind] ?? c.kind}</span> · {c.by} · <time dateTime={c.at}>{when(c.at)}</time>
            </p>
            <p className="change-summary">{c.summary}</p>
            {c.note && <p className="change-note">“{c.note}”</p>}
            {c.revertedBy && <p className="field-hint">Reverted</p>}
            {canWrite && !c.revertedBy && (
              <ChangeRevert
                change={c}
                pending={revert.isPending}
                onRevert={() => {
                  setReverting(c.id);
                  revert.mutate(c.id, {
                    onSuccess: () => {
                      onReverted?.();
                      refreshAfterRevert(controller, c.targets).catch(() => undefined);
                    },
                  });
                }}
              />
            )}
            {reverting === c.id && revert.error && (
              <p className="error" role="alert">
                {revert.error.message}
              </p>
            )}
          </li>
        ))}
      </ol>
      {hasNextPage && (
        <button type="button" className="link" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {isFetchingNextPage ? 'Loading older changes…' : 'Show older'}
        </button>
      )}
    </>
  );
}
