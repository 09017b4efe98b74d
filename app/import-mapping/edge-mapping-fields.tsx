import type { EdgeEnd, EdgeMapping, NodeMapping } from '../../shared/contract';
import { PropertyColumnsFields } from './property-columns-fields';
import { ValueSourceSelect } from './value-source-select';

interface Props {
  index: number;
  edge: EdgeMapping;
  nodes: NodeMapping[];
  columns: string[];
  onChange: (edge: EdgeMapping) => void;
  onRemove: () => void;
}

const encodeEnd = (end: EdgeEnd) => ('node' in end ? `node:${end.node}` : `id:${end.idColumn}`);
const decodeEnd = (s: string): EdgeEnd => (s.startsWith('node:') ? { node: s.slice(5) } : { idColumn: s.slice(3) });

function EndSelect({ label, value, nodes, columns, onChange }: { label: string; value: EdgeEnd; nodes: NodeMapping[]; columns: string[]; onChange: (end: EdgeEnd) => void }) {
  return (
    <label>
      {label}
      <select value={encodeEnd(value)} onChange={(e) => onChange(decodeEnd(e.target.value))}>
        <optgroup label="A node of the same row">
          {nodes.map((n) => (
            <option key={n.handle} value={`node:${n.handle}`}>
              node “{n.handle}”
            </option>
          ))}
        </optgroup>
        <optgroup label="An entity in the graph, by the id in a column">
          {columns.map((c) => (
            <option key={c} value={`id:${c}`}>
              id in column “{c}”
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

/** One relationship a row makes: from which node to which, of which type, told apart by which columns, with which properties. */
export function EdgeMappingFields({ index, edge, nodes, columns, onChange, onRemove }: Props) {
  const fixedType = 'fixed' in edge.type ? edge.type.fixed : null;
  return (
    <section className="sheet-mapping-card" aria-label={`Relationship mapping ${index + 1}`}>
      <header>
        <h4>Relationship {index + 1}</h4>
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      </header>
      <div className="sheet-fields">
        <EndSelect label="From" value={edge.source} nodes={nodes} columns={columns} onChange={(source) => onChange({ ...edge, source })} />
        <EndSelect label="To" value={edge.target} nodes={nodes} columns={columns} onChange={(target) => onChange({ ...edge, target })} />
        <ValueSourceSelect label="Relationship type" value={edge.type} fixedChoices={[fixedType ?? 'RELATED_TO']} columns={columns} onChange={(type) => onChange({ ...edge, type })} />
        {fixedType !== null && (
          <label>
            Type name
            <input type="text" value={fixedType} spellCheck={false} onChange={(e) => onChange({ ...edge, type: { fixed: e.target.value.toUpperCase().replace(/[\s-]+/g, '_') } })} />
          </label>
        )}
        <label>
          Tell apart by
          <select
            multiple
            size={Math.min(4, columns.length)}
            value={edge.keyColumns}
            onChange={(e) => onChange({ ...edge, keyColumns: [...e.target.selectedOptions].map((o) => o.value).slice(0, 5) })}
          >
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <PropertyColumnsFields owner={`relationship ${index + 1}`} value={edge.properties} columns={columns} onChange={(properties) => onChange({ ...edge, properties })} />
    </section>
  );
}
