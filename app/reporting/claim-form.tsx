import { useId, useState, type FormEvent } from 'react';
import type { WriteResult } from '../../shared/contract';
import { edgeLabel } from '../../shared/model/graph-model';
import { ApiRequestError } from '../api/client';
import { useAddClaim } from './api/use-add-claim';
import { useRelationshipTypes } from './api/use-relationship-types';
import { claimInput, duplicatesOf, relationshipType, type ClaimDraft } from './claim-draft';
import { CONFIDENCE_CHOICES } from './confidence';
import { DuplicateChoice } from './duplicate-choice';
import { EntityPicker, choiceName, type EntityChoice } from './entity-picker';
import { errorsByField } from './field-errors';
import { FormFooter } from './form-footer';
import type { Quoted } from './text-offsets';

const sideName = (choice: EntityChoice | null) => (choice && 'new' in choice ? choice.new.name : '');

const FIELDS = ['quote', 'start', 'end', 'version', 'attribution', 'confidence', 'subject', 'type', 'object', 'property', 'value', 'date'];

interface Props {
  sourceId: string;
  /** The version of the text the quote was selected in: the server refuses the claim if it is no longer current. */
  version: number;
  quoted: Quoted;
  draft: ClaimDraft;
  onDraft: (draft: ClaimDraft) => void;
  onSaved: (result: WriteResult) => void;
  onCancel: () => void;
}

/** A quote made into a relationship or a property, with who says it and how sure; nothing typed is lost on an error. */
export function ClaimForm({ sourceId, version, quoted, draft, onDraft, onSaved, onCancel }: Props) {
  const id = useId();
  const addClaim = useAddClaim();
  const types = useRelationshipTypes();
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => onDraft({ ...draft, [key]: value });

  const error = addClaim.error instanceof ApiRequestError ? addClaim.error : null;
  const duplicates = error?.status === 409 ? duplicatesOf(error.details) : [];
  const fieldErrors = error && duplicates.length === 0 ? errorsByField(error.details, FIELDS) : {};
  const quoteError = fieldErrors.quote ?? fieldErrors.start ?? fieldErrors.end ?? fieldErrors.version;
  // Duplicates are answered by their choices above the buttons; a request that never reached the API has no details.
  const fieldsMarked = Object.keys(fieldErrors).length > 0 ? 'Not added: see the fields marked above.' : undefined;
  const general = duplicates.length > 0 ? null : error ? (fieldErrors[''] ?? fieldsMarked ?? error.message) : addClaim.error?.message;

  const submit = (allow: boolean) => {
    setAllowDuplicates(allow);
    addClaim.mutate(claimInput(sourceId, version, quoted, draft, allow), {
      onSuccess: (result) => {
        addClaim.reset();
        onSaved(result);
      },
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(allowDuplicates);
  };
  const pickExisting = (side: 'subject' | 'object', entity: { id: string; name: string; kind: string }) => {
    onDraft({ ...draft, [side]: entity });
    addClaim.reset();
  };

  const typed = relationshipType(draft.type);
  const field = (name: string) => ({ id: `${id}-${name}`, 'aria-invalid': !!fieldErrors[name], 'aria-describedby': fieldErrors[name] ? `${id}-${name}-error` : undefined });
  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <form className="claim-form" aria-label="Claim from the quote" onSubmit={onSubmit} noValidate>
      <header className="claim-form-header">
        <h3>New claim</h3>
        <button type="button" className="icon-button" aria-label="Close the claim form" onClick={onCancel}>
          ×
        </button>
      </header>
      <figure className="claim-quote">
        <blockquote aria-label="Quote">“{quoted.quote}”</blockquote>
        <figcaption>
          characters {quoted.start}–{quoted.end}
        </figcaption>
        {quoteError && <p className="field-error">{quoteError}</p>}
      </figure>

      <fieldset className="claim-mode">
        <legend>The quote says</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={draft.mode === 'relationship'} onChange={() => set('mode', 'relationship')} /> a relationship
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={draft.mode === 'property'} onChange={() => set('mode', 'property')} /> a property
        </label>
      </fieldset>

      <EntityPicker label="Subject" value={draft.subject} onChange={(v) => set('subject', v)} error={fieldErrors.subject} />
      {draft.mode === 'relationship' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-type`}>Relationship</label>
            <input {...field('type')} list={`${id}-types`} value={draft.type} placeholder="AGREED_TO, or a new one" autoComplete="off" onChange={(e) => set('type', e.target.value)} />
            <datalist id={`${id}-types`}>
              {(types.data ?? []).map((t) => (
                <option key={t} value={t}>
                  {edgeLabel(t)}
                </option>
              ))}
            </datalist>
            {typed && (
              <p className="field-hint">
                Reads: {draft.subject ? choiceName(draft.subject) : 'subject'} <strong>{edgeLabel(typed)}</strong> {draft.object ? choiceName(draft.object) : 'object'}
                {types.data && !types.data.includes(typed) ? ` (new type ${typed})` : ''}
              </p>
            )}
            {fieldError('type')}
          </div>
          <EntityPicker label="Object" value={draft.object} onChange={(v) => set('object', v)} error={fieldErrors.object} />
        </>
      ) : (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-property`}>Property</label>
            <input {...field('property')} value={draft.property} placeholder="position" onChange={(e) => set('property', e.target.value)} />
            {fieldError('property')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-value`}>Value</label>
            <input {...field('value')} value={draft.value} placeholder="Secretary of State" onChange={(e) => set('value', e.target.value)} />
            {fieldError('value')}
          </div>
        </div>
      )}

      <div className="field">
        <label htmlFor={`${id}-attribution`}>Who says it</label>
        <input {...field('attribution')} value={draft.attribution} placeholder="officials told the Post" onChange={(e) => set('attribution', e.target.value)} />
        {fieldError('attribution')}
      </div>

      <fieldset className="claim-confidence" aria-invalid={!!fieldErrors.confidence} aria-describedby={fieldErrors.confidence ? `${id}-confidence-error` : undefined}>
        <legend>How sure</legend>
        {CONFIDENCE_CHOICES.map((c) => (
          <label key={c.value}>
            <input type="radio" name={`${id}-confidence`} value={c.value} checked={draft.confidence === c.value} onChange={() => set('confidence', c.value)} />
            <span>
              {c.label} <span className="field-hint">{c.hint}</span>
            </span>
          </label>
        ))}
        {fieldError('confidence')}
      </fieldset>

      <fieldset className="claim-date">
        <legend>When (optional)</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-dateText`}>As written</label>
            <input id={`${id}-dateText`} value={draft.dateText} placeholder="March 13" onChange={(e) => set('dateText', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} value={draft.date} placeholder="2025-03-13" inputMode="numeric" onChange={(e) => set('date', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-precision`}>Precise to</label>
            <select id={`${id}-precision`} value={draft.precision} onChange={(e) => set('precision', e.target.value as ClaimDraft['precision'])}>
              <option value="">auto</option>
              <option value="day">day</option>
              <option value="month">month</option>
              <option value="year">year</option>
            </select>
          </div>
        </div>
        {fieldError('date')}
      </fieldset>

      {duplicates.length > 0 && (
        <section className="claim-duplicates" role="alert" aria-label="Possible duplicates" ref={(warning) => warning?.scrollIntoView?.({ block: 'nearest' })}>
          {duplicates.map((d, i) => (
            <DuplicateChoice key={i} side={d.side} ids={d.ids} typed={sideName(draft[d.side])} onPick={(entity) => pickExisting(d.side, entity)} />
          ))}
          <button type="button" className="queries-primary" onClick={() => submit(true)}>
            Create anyway
          </button>
        </section>
      )}

      <FormFooter label="Add claim" pendingLabel="Saving…" pending={addClaim.isPending} error={general} onCancel={onCancel} />
    </form>
  );
}
