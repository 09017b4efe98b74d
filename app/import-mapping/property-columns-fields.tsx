import { PROPERTY_TYPES, type PropertyColumn } from '../../shared/contract';
import { newProperty, propertyName } from './mapping-draft';

interface Props {
  /** Names the group for screen readers: "Properties of donor". */
  owner: string;
  value: PropertyColumn[];
  columns: string[];
  onChange: (value: PropertyColumn[]) => void;
}

const TYPE_LABELS: Record<(typeof PROPERTY_TYPES)[number], string> = { text: 'text', number: 'number', date: 'date (keeps its precision)', list: 'list' };

/** The columns kept as properties: which column, under which name, as which type. */
export function PropertyColumnsFields({ owner, value, columns, onChange }: Props) {
  const set = (index: number, patch: Partial<PropertyColumn>) => onChange(value.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const unused = columns.find((c) => !value.some((p) => p.column === c)) ?? columns[0]!;
  return (
    <fieldset className="sheet-properties">
      <legend>Properties of {owner}</legend>
      {value.map((property, i) => (
        <div className="sheet-property" key={i}>
          <label>
            Column
            {/* A name still derived from the column follows it to the new column; one typed in stays. */}
            <select
              value={property.column}
              onChange={(e) => set(i, { column: e.target.value, ...(property.property === propertyName(property.column) && { property: propertyName(e.target.value) }) })}
            >
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Property name
            <input type="text" value={property.property} onChange={(e) => set(i, { property: e.target.value })} spellCheck={false} />
          </label>
          <label>
            Value type
            <select value={property.type} onChange={(e) => set(i, { type: e.target.value as PropertyColumn['type'] })}>
              {PROPERTY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          {property.type === 'list' && (
            <label>
              Separator
              <input type="text" className="sheet-separator" value={property.separator} maxLength={5} onChange={(e) => set(i, { separator: e.target.value })} />
            </label>
          )}
          <button type="button" className="sheet-remove" aria-label={`Remove property ${property.property}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, newProperty(unused)])}>
        + Property
      </button>
    </fieldset>
  );
}
