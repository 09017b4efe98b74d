import { useId, useState, type FormEvent } from 'react';
import type { NodeDetails, WriteResult } from '../../shared/contract';
import { ApiRequestError } from '../api/client';
import { useEditEntity } from './api/use-edit-entity';
import { fetchNode } from './api/use-node';
import { EditConflictsView } from './edit-conflicts-view';
import { conflictsOf, draftOf, editRequest, takeTheirs, type Conflict, type EditDraft, type Props as Values } from './edit-draft';
import { FormFooter } from './form-footer';

interface Props {
  details: NodeDetails;
  onSaved: (result: WriteResult) => void;
  onCancel: () => void;
}

const EDITORIAL = 'editorial';

/**
 * Name, aliases and properties of an entity, with why: one of its standing quotes, or an editorial note. The values
 * it opened with are the edit's base: when someone changed one since, the server's 409 keeps the form as typed and
 * shows each such field, to take theirs or save over.
 */
export function EntityEditForm({ details, onSaved, onCancel }: Props) {
  const id = useId();
  const edit = useEditEntity(details.node.id);
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(details.node));
  const [seen, setSeen] = useState<Values>(details.node.properties);
  const [conflicts, setConflicts] = useState<{ list: Conflict[]; current: Values } | null>(null);
  const [nextRow, setNextRow] = useState(draft.properties.length);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (base: Values) => {
    setProblem(null);
    const request = editRequest(draft, base);
    if (!request) return setProblem('Nothing to save: every value is as it was.');
    if ('editorial' in request.because && !request.because.editorial.trim()) return setProblem('Say why in an editorial note, or choose the quote it rests on.');
    edit.mutate(request, {
      onSuccess: onSaved,
      onError: async (error) => {
        if (!(error instanceof ApiRequestError) || error.status !== 409) return;
        const current = await fetchNode(details.node.id).then((d) => d.node.properties, () => null);
        const list = current ? conflictsOf(error.details, current) : [];
        if (current && list.length) setConflicts({ list, current });
      },
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(seen);
  };
  const saveOver = () => {
    if (!conflicts) return;
    const base = { ...seen, ...Object.fromEntries(conflicts.list.map((c) => [c.key, conflicts.current[c.key]])) };
    setSeen(base);
    setConflicts(null);
    submit(base);
  };
  const takeOne = (conflict: Conflict) => {
    setDraft((d) => takeTheirs(d, conflict.key, conflict.theirs));
    setSeen((s) => ({ ...s, [conflict.key]: conflict.theirs }));
    setConflicts((c) => (c && c.list.length > 1 ? { ...c, list: c.list.filter((x) => x.key !== conflict.key) } : null));
  };
  const setRow = (row: number, change: Partial<EditDraft['properties'][number]>) => setDraft((d) => ({ ...d, properties: d.properties.map((r) => (r.row === row ? { ...r, ...change } : r)) }));
  const quotes = details.evidence;
  const because = 'evidence' in draft.because ? draft.because.evidence : EDITORIAL;
  const serverError = edit.error && !conflicts ? edit.error.message : null;

  return (
    <form className="claim-form" aria-label="Edit the entity" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-aliases`}>Aliases (one a line)</label>
        <textarea id={`${id}-aliases`} rows={2} value={draft.aliases} onChange={(e) => setDraft({ ...draft, aliases: e.target.value })} />
      </div>
      <fieldset>
        <legend>Properties</legend>
        {draft.properties.map((r) => (
          <div className="edit-property" key={r.row}>
            <input aria-label="Property name" value={r.key} onChange={(e) => setRow(r.row, { key: e.target.value })} />
            <input aria-label={`Value of ${r.key || 'the new property'}`} value={r.value} onChange={(e) => setRow(r.row, { value: e.target.value })} />
            <button type="button" className="link" aria-label={`Remove ${r.key || 'the new property'}`} onClick={() => setDraft({ ...draft, properties: draft.properties.filter((x) => x.row !== r.row) })}>
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft({ ...draft, properties: [...draft.properties, { row: nextRow, key: '', value: '' }] });
            setNextRow(nextRow + 1);
          }}
        >
          Add a property
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-because`}>Because</label>
        <select id={`${id}-because`} value={because} onChange={(e) => setDraft({ ...draft, because: e.target.value === EDITORIAL ? { editorial: '' } : { evidence: e.target.value } })}>
          <option value={EDITORIAL}>Editorial decision (with a note)</option>
          {quotes.map((q) => (
            <option key={q.id} value={q.id}>
              “{q.quote}” ({q.source?.name ?? 'no source'})
            </option>
          ))}
        </select>
      </div>
      {'editorial' in draft.because && (
        <div className="field">
          <label htmlFor={`${id}-note`}>Editorial note</label>
          <textarea id={`${id}-note`} rows={2} required value={draft.because.editorial} onChange={(e) => setDraft({ ...draft, because: { editorial: e.target.value } })} />
        </div>
      )}
      {conflicts && <EditConflictsView conflicts={conflicts.list} draft={draft} onTakeTheirs={takeOne} onSaveOver={saveOver} saving={edit.isPending} />}
      <FormFooter label="Save" pendingLabel="Saving…" pending={edit.isPending} disabled={!!conflicts} error={problem ?? serverError} onCancel={onCancel} />
    </form>
  );
}
