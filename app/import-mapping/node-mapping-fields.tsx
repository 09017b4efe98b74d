import { NODE_LABELS } from '../../shared/model/graph-model';
import type { NodeMapping } from '../../shared/contract';
import { PropertyColumnsFields } from './property-columns-fields';
import { ValueSourceSelect } from './value-source-select';

interface Props {
  node: NodeMapping;
  columns: string[];
  onChange: (node: NodeMapping) => void;
  onRemove: () => void;
}

/** One kind of node a row makes: its kind, the columns that say which one it is (its key), its name, its properties. */
export function NodeMappingFields({ node, columns, onChange, onRemove }: Props) {
  const kinds = NODE_LABELS.filter((l) => l !== 'Source');
  return (
    <section className="sheet-mapping-card" aria-label={`Node mapping ${node.handle}`}>
      <header>
        <h4>Node “{node.handle}”</h4>
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      </header>
      <div className="sheet-fields">
        <ValueSourceSelect label="Kind" value={node.kind} fixedChoices={kinds} columns={columns} onChange={(kind) => onChange({ ...node, kind })} />
        <label>
          Key column (identity)
          <select value={node.keyColumns[0]} onChange={(e) => onChange({ ...node, keyColumns: [e.target.value, ...node.keyColumns.slice(1)] })}>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Second key column
          <select value={node.keyColumns[1] ?? ''} onChange={(e) => onChange({ ...node, keyColumns: [node.keyColumns[0]!, ...(e.target.value ? [e.target.value] : [])] })}>
            <option value="">(none)</option>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Name column
          <select value={node.nameColumn} onChange={(e) => onChange({ ...node, nameColumn: e.target.value })}>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <PropertyColumnsFields owner={node.handle} value={node.properties} columns={columns} onChange={(properties) => onChange({ ...node, properties })} />
    </section>
  );
}
