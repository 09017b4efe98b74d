import type { Draft } from './query-draft';
import { ParameterDeclarations } from './parameter-declarations';

interface Props {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Problems by field from the last save: `name`, `tags`… */
  errors: Record<string, string>;
  /** Problems with declared parameters, by index and field: `2`, `2.default`. */
  parameterErrors: Record<string, string>;
}

/** What the library shows about a query: name, description, tags, and its declared parameters. */
export function QueryDetailsForm({ draft, onChange, errors, parameterErrors }: Props) {
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  return (
    <div className="queries-details-form">
      <label>
        Name
        <input value={draft.name} maxLength={120} aria-invalid={errors.name ? true : undefined} onChange={(e) => set({ name: e.target.value })} />
      </label>
      {errors.name && <p className="queries-param-error">Name {errors.name}</p>}
      <label>
        Description
        <textarea rows={3} value={draft.description} maxLength={4000} onChange={(e) => set({ description: e.target.value })} />
      </label>
      <label>
        <span>
          Tags <span className="queries-note">(comma-separated)</span>
        </span>
        <input value={draft.tags} placeholder="deals, informants" onChange={(e) => set({ tags: e.target.value })} />
      </label>
      <ParameterDeclarations parameters={draft.parameters} cypher={draft.cypher} errors={parameterErrors} onChange={(parameters) => set({ parameters })} />
    </div>
  );
}
