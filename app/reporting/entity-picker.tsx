import { useId, useState } from 'react';
import { kindOf, NODE_LABELS } from '../../shared/model/graph-model';
import { useDebounced } from '../ui/use-debounced';
import { useEntityMatch } from './api/use-entity-match';

/** An existing entity (by id) or a new one to create with the claim. */
export type EntityChoice = { id: string; name: string; kind: string } | { new: { kind: string; name: string } };

export const choiceName = (choice: EntityChoice) => ('new' in choice ? choice.new.name : choice.name);

const NEW_KINDS = NODE_LABELS.filter((k) => k !== 'Source');

interface Props {
  label: string;
  value: EntityChoice | null;
  onChange: (choice: EntityChoice | null) => void;
  error?: string;
}

/** Type a name, pick a ranked existing entity (with why it matched and what it is connected to), or create one. */
export function EntityPicker({ label, value, onChange, error }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('Person');
  const asked = useDebounced(value ? '' : name, 200);
  const match = useEntityMatch(asked);
  const errorId = `${id}-error`;

  if (value) {
    return (
      <div className="entity-picker" role="group" aria-labelledby={`${id}-label`}>
        <span id={`${id}-label`} className="field-label">
          {label}
        </span>
        <div className="entity-chosen">
          <span className="entity-chosen-name">{choiceName(value)}</span>
          <span className="entity-kind">{'new' in value ? `new ${value.new.kind}` : value.kind}</span>
          <button type="button" className="link" aria-label={`Change ${label.toLowerCase()}`} onClick={() => onChange(null)}>
            Change
          </button>
        </div>
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  }

  const trimmed = name.trim();
  const candidates = trimmed.length >= 2 ? (match.data?.candidates ?? []) : [];
  return (
    <div className="entity-picker">
      <label className="field-label" htmlFor={`${id}-name`}>
        {label}
      </label>
      <input
        id={`${id}-name`}
        type="search"
        value={name}
        placeholder="Type a name"
        autoComplete="off"
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {trimmed.length >= 2 && (
        <ul className="entity-candidates" aria-label={`${label}: matching entities`}>
          {candidates.map((c) => {
            const entityName = String(c.node.properties.name ?? c.node.id);
            const entityKind = kindOf(c.node.labels);
            return (
              <li key={c.node.id}>
                <button type="button" className="entity-candidate" onClick={() => onChange({ id: c.node.id, name: entityName, kind: entityKind })}>
                  <span className="entity-candidate-name">{entityName}</span> <span className="entity-kind">{entityKind}</span>
                  {c.reasons.length > 0 && <span className="entity-reasons">{c.reasons.join(', ')}</span>}
                  {c.connections.length > 0 && <span className="entity-connections">{c.connections.join(' · ')}</span>}
                </button>
              </li>
            );
          })}
          {match.isFetching && candidates.length === 0 && <li className="panel-status">Looking for matches…</li>}
          {match.error && <li className="error">Could not look for matches: {match.error.message}</li>}
          <li className="entity-new">
            <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={`Kind of the new ${label.toLowerCase()}`}>
              {NEW_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <button type="button" className="link" onClick={() => onChange({ new: { kind, name: trimmed } })}>
              Create new {kind} “{trimmed}”
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
