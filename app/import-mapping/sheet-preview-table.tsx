import type { RowProblem, SheetPreview, WireEdge, WireNode } from '../../shared/contract';

const nodeLine = (n: WireNode) => `${n.labels.join(', ')} “${String(n.properties.name)}”`;
const edgeLine = (e: WireEdge, names: Map<string, string>) => `${names.get(e.source) ?? e.source} —${e.type}→ ${names.get(e.target) ?? e.target}`;
const problemLine = (p: RowProblem) => (p.column ? `column “${p.column}”: ${p.message}` : p.message);

/** The first rows as they will land, each with its problems; then the problems of the rows further down. */
export function SheetPreviewTable({ preview }: { preview: SheetPreview }) {
  const shown = new Set(preview.rows.map((r) => r.row));
  const later = preview.problems.filter((p) => !shown.has(p.row));
  return (
    <>
      <table className="sheet-preview">
        <caption>
          First {preview.rows.length} of {preview.table.rowCount} rows as they will land
          {preview.badRows > 0 && ` — ${preview.badRows} row${preview.badRows > 1 ? 's have' : ' has'} problems`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Nodes</th>
            <th scope="col">Relationships</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map(({ row, nodes, edges }) => {
            const problems = preview.problems.filter((p) => p.row === row);
            const names = new Map(nodes.map((n) => [n.id, String(n.properties.name)]));
            return (
              <tr key={row} className={problems.length ? 'sheet-bad-row' : undefined}>
                <th scope="row">{row}</th>
                <td>{problems.length === 0 && nodes.map((n) => <div key={n.id} title={n.id}>{nodeLine(n)}</div>)}</td>
                <td>{problems.length === 0 && edges.map((e) => <div key={e.id} title={e.id}>{edgeLine(e, names)}</div>)}</td>
                <td>
                  {problems.map((p, i) => (
                    <div key={i}>{problemLine(p)}</div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {later.length > 0 && (
        <details className="sheet-later-problems" open>
          <summary>Problems further down ({later.length})</summary>
          <ul>
            {later.map((p, i) => (
              <li key={i}>
                Row {p.row}, {problemLine(p)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
