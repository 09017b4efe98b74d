import { useState } from 'react';
import type { MergeChoice } from '../../shared/contract';
import type { CanvasAccess } from '../explore/explore-slots';
import { useMergeNode } from './api/use-merge-node';
import { useMergePreview } from './api/use-merge-preview';
import { useCanWrite } from './api/use-role';
import { showMerged } from './canvas-refresh';
import { EntityPicker, type EntityChoice } from './entity-picker';
import { FormFooter } from './form-footer';
import { MergePreviewView } from './merge-preview-view';

/** "Merge into…" on a node's details (editors only): pick the entity that stays, see what moves, settle conflicts, confirm. */
export function MergeAction({ nodeId, canvas }: { nodeId: string; canvas: CanvasAccess }) {
  const canWrite = useCanWrite();
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Merge into…
      </button>
    );
  }
  return <MergeDialog nodeId={nodeId} canvas={canvas} onClose={() => setOpen(false)} />;
}

function MergeDialog({ nodeId, canvas, onClose }: { nodeId: string; canvas: CanvasAccess; onClose: () => void }) {
  const [target, setTarget] = useState<EntityChoice | null>(null);
  const [choose, setChoose] = useState<Record<string, MergeChoice>>({});
  const into = target && !('new' in target) ? target.id : null;
  const preview = useMergePreview(nodeId, into);
  const merge = useMergeNode();
  const unsettled = preview.data?.conflicts.filter((c) => !choose[c.property]) ?? [];
  const pickError = target && 'new' in target ? 'Pick an existing entity: a merge joins two that exist' : undefined;

  const pick = (choice: EntityChoice | null) => {
    setTarget(choice);
    setChoose({});
  };
  const confirm = () => {
    if (!into) return;
    merge.mutate(
      { from: nodeId, into, choose },
      {
        onSuccess: (result) => {
          onClose();
          showMerged(canvas.controller, { from: nodeId, into }, result, canvas.select);
        },
      },
    );
  };

  return (
    <section className="merge-dialog" role="dialog" aria-label="Merge into another entity">
      <EntityPicker label="Entity that stays" value={target} onChange={pick} error={pickError} />
      {preview.isFetching && <p className="panel-status">Working out what moves…</p>}
      {preview.error && <p className="error">{preview.error.message}</p>}
      {preview.data && <MergePreviewView preview={preview.data} choose={choose} onChoose={(property, side) => setChoose((c) => ({ ...c, [property]: side }))} />}
      <FormFooter
        label="Merge"
        pendingLabel="Merging…"
        pending={merge.isPending}
        disabled={!preview.data || unsettled.length > 0}
        error={merge.error && `Not merged: ${merge.error.message}`}
        onConfirm={confirm}
        onCancel={onClose}
      />
    </section>
  );
}
