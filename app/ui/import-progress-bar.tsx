import type { ImportProgress } from '../../shared/contract';
import { describeProgress } from '../../shared/text/import-progress';

/** A running import: a bar, the figures in words, and Cancel (which rolls the import back). */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress | null; onCancel: () => void }) {
  return (
    <div className="import-progress">
      <progress max={1} value={progress?.done ?? undefined} aria-label="Import progress" />
      <span>{progress ? describeProgress(progress) : 'Sending the file…'}</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
