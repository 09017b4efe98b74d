import type { Conflict, EditDraft } from './edit-draft';
import { shown } from './edit-draft';

const LABELS: Record<string, string> = { name: 'Name', aliases: 'Aliases' };

/** What typed for a field, as the form would send it. */
function yours(draft: EditDraft, key: string): string {
  if (key === 'name') return draft.name.trim() || '(none)';
  if (key === 'aliases') return draft.aliases.split('\n').map((a) => a.trim()).filter(Boolean).join(', ') || '(none)';
  return draft.properties.find((r) => r.key.trim() === key)?.value.trim() || '(none)';
}

interface Props {
  conflicts: Conflict[];
  draft: EditDraft;
  onTakeTheirs: (conflict: Conflict) => void;
  onSaveOver: () => void;
  saving: boolean;
}

/** A 409: what changed since the form opened, field by field (yours, theirs, by whom); keep theirs per field or save over them. */
export function EditConflictsView({ conflicts, draft, onTakeTheirs, onSaveOver, saving }: Props) {
  return (
    <section className="claim-duplicates" role="alert" aria-label="Changed since you opened it">
      <p className="field-hint">Someone changed this entity since you opened the form. Nothing was saved; what you typed is kept.</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.key}>
            <strong>{LABELS[c.key] ?? c.key}</strong>: yours <q>{yours(draft, c.key)}</q> · now <q>{shown(c.theirs)}</q>
            <p className="field-hint">{c.message}</p>
            <button type="button" className="link" onClick={() => onTakeTheirs(c)}>
              Take theirs ({LABELS[c.key] ?? c.key})
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="queries-primary" disabled={saving} onClick={onSaveOver}>
        Save mine over theirs
      </button>
    </section>
  );
}
