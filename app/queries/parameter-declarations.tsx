import type { ParamType } from '../../shared/contract';
import { useCheckCypher } from './api/use-check-cypher';
import { TYPE_LABELS } from './param-values';
import { QueryError } from './query-error';
import { emptyParameter, type DraftParameter } from './query-draft';

interface Props {
  parameters: DraftParameter[];
  onChange: (parameters: DraftParameter[]) => void;
  cypher: string;
  /** Problems keyed by index and field, from the server: `2`, `2.default`, `2.name`. */
  errors: Record<string, string>;
}

/** Declares the query's `$parameters`: name, type, required or a default, and a line of help for the form. */
export function ParameterDeclarations({ parameters, onChange, cypher, errors }: Props) {
  const check = useCheckCypher();
  const update = (i: number, change: Partial<DraftParameter>) => onChange(parameters.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const declareUsed = () =>
    check.mutate(cypher, {
      onSuccess: ({ parameters: used }) => {
        const known = new Set(parameters.map((p) => p.name));
        onChange([...parameters, ...used.filter((name) => !known.has(name)).map((name) => emptyParameter(name))]);
      },
    });

  return (
    <fieldset className="queries-declarations">
      <legend>Parameters</legend>
      {parameters.length === 0 && <p className="queries-note">None declared. Every $parameter the Cypher uses must be declared before it can be saved.</p>}
      {parameters.map((p, i) => (
        <div className="queries-declaration" key={i} role="group" aria-label={`Parameter ${p.name || i + 1}`}>
          <input aria-label="Parameter name" placeholder="name" value={p.name} onChange={(e) => update(i, { name: e.target.value })} />
          <select aria-label="Parameter type" value={p.type} onChange={(e) => update(i, { type: e.target.value as ParamType })}>
            {(Object.keys(TYPE_LABELS) as ParamType[]).map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </select>
          <label className="queries-check">
            <input type="checkbox" checked={p.required} onChange={(e) => update(i, { required: e.target.checked })} /> required
          </label>
          <input aria-label="Default value" placeholder={p.required ? 'no default' : 'default'} disabled={p.required} value={p.required ? '' : p.defaultText} onChange={(e) => update(i, { defaultText: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove parameter ${p.name || i + 1}`} onClick={() => onChange(parameters.filter((_, j) => j !== i))}>
            ×
          </button>
          <input className="queries-declaration-help" aria-label="Help text" placeholder="Help shown under the field" value={p.help} onChange={(e) => update(i, { help: e.target.value })} />
          {problemAt(errors, i) && <p className="queries-param-error">{problemAt(errors, i)}</p>}
        </div>
      ))}
      <div className="queries-row">
        <button type="button" className="link" onClick={() => onChange([...parameters, emptyParameter()])}>
          Add a parameter
        </button>
        <button type="button" className="link" disabled={!cypher.trim() || check.isPending} onClick={declareUsed}>
          Declare the $parameters the Cypher uses
        </button>
      </div>
      <QueryError error={check.error} action="check the Cypher" />
    </fieldset>
  );
}

function problemAt(errors: Record<string, string>, index: number): string | undefined {
  const key = Object.keys(errors).find((k) => k === String(index) || k.startsWith(`${index}.`));
  return key && (key.includes('.') ? `${key.split('.')[1]}: ${errors[key]}` : errors[key]);
}
