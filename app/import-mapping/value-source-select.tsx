/** One select for "a fixed value or a column's value": fixed choices first, then "from column …" for each column. */
export type ValueSource = { fixed: string } | { column: string };

interface Props {
  label: string;
  value: ValueSource;
  fixedChoices: readonly string[];
  columns: string[];
  onChange: (value: ValueSource) => void;
}

const encode = (v: ValueSource) => ('fixed' in v ? `fixed:${v.fixed}` : `column:${v.column}`);
const decode = (s: string): ValueSource => (s.startsWith('fixed:') ? { fixed: s.slice(6) } : { column: s.slice(7) });

export function ValueSourceSelect({ label, value, fixedChoices, columns, onChange }: Props) {
  const fixed = 'fixed' in value && !fixedChoices.includes(value.fixed) ? [...fixedChoices, value.fixed] : fixedChoices;
  return (
    <label>
      {label}
      <select value={encode(value)} onChange={(e) => onChange(decode(e.target.value))}>
        <optgroup label="Always">
          {fixed.map((choice) => (
            <option key={choice} value={`fixed:${choice}`}>
              {choice}
            </option>
          ))}
        </optgroup>
        <optgroup label="From a column">
          {columns.map((column) => (
            <option key={column} value={`column:${column}`}>
              column “{column}”
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
