import { useId } from 'react';
import type { QueryParameter } from '../../shared/contract';
import { TYPE_LABELS, valueOf, type FormValues } from './param-values';

export interface SelectedNode {
  id: string;
  name: string;
}

interface Props {
  parameters: QueryParameter[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Problems by parameter name, from the form's own checks or the server's. */
  errors: Record<string, string>;
  /** The one node selected on the canvas, for node-id parameters. */
  selectedNode: SelectedNode | null;
}

/** The run form, generated from the declared parameters: one field per parameter, typed. */
export function ParameterForm({ parameters, values, onChange, errors, selectedNode }: Props) {
  if (parameters.length === 0) return <p className="queries-note">This query takes no parameters.</p>;
  const set = (name: string, value: string) => onChange({ ...values, [name]: value });
  return (
    <div className="queries-params">
      {parameters.map((p) => (
        <ParameterField key={p.name} param={p} value={valueOf(p, values)} error={errors[p.name]} selectedNode={selectedNode} onChange={(v) => set(p.name, v)} />
      ))}
    </div>
  );
}

interface FieldProps {
  param: QueryParameter;
  value: string;
  error: string | undefined;
  selectedNode: SelectedNode | null;
  onChange: (value: string) => void;
}

function ParameterField({ param, value, error, selectedNode, onChange }: FieldProps) {
  const id = useId();
  const described = [param.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined, 'aria-required': param.required || undefined };
  return (
    <div className={`queries-param${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        <span className="queries-param-name">{param.name}</span>
        {param.required && <span className="queries-required" aria-hidden="true"> *</span>}
        <span className="queries-param-type">{TYPE_LABELS[param.type]}</span>
      </label>
      <div className="queries-param-input">
        {param.type === 'boolean' ? (
          <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{param.required ? 'Choose…' : 'Not set'}</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </select>
        ) : (
          <input
            {...common}
            type={param.type === 'date' ? 'date' : 'text'}
            inputMode={param.type === 'integer' ? 'numeric' : param.type === 'float' ? 'decimal' : undefined}
            placeholder={PLACEHOLDERS[param.type]}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {param.type === 'nodeId' && (
          <button
            type="button"
            className="link"
            disabled={!selectedNode}
            aria-label={`Use selected node for ${param.name}`}
            title={selectedNode ? `Use ${selectedNode.name} (${selectedNode.id})` : 'Select one node on the canvas first'}
            onClick={() => selectedNode && onChange(selectedNode.id)}
          >
            Use selected node
          </button>
        )}
      </div>
      {param.help && (
        <p className="queries-param-help" id={`${id}-help`}>
          {param.help}
        </p>
      )}
      {error && (
        <p className="queries-param-error" id={`${id}-error`}>
          {param.name}: {error}
        </p>
      )}
    </div>
  );
}

const PLACEHOLDERS: Partial<Record<QueryParameter['type'], string>> = {
  integer: '42',
  float: '0.5',
  nodeId: 'person:marco-rubio',
  stringList: 'first, second, third',
};
