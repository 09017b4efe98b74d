import { useState } from 'react';
import { KindIcon } from '../graph/kind-icon';
import { isEdge, isNode, isPath, nodeName } from '../../shared/contract/result-cells';
import { sortRows, type SortOrder } from './result-cells';

/** Rows drawn at a time: a capped result can hold thousands. */
const PAGE = 200;

interface Props {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** The result as a table: click a column header to sort by it (again to reverse, a third time for the server's order). */
export function ResultsTable({ columns, rows }: Props) {
  const [order, setOrder] = useState<SortOrder>(null);
  const [shown, setShown] = useState(PAGE);
  const sorted = sortRows(rows, order);
  const next = (column: string): SortOrder => {
    if (order?.column !== column) return { column, direction: 'asc' };
    return order.direction === 'asc' ? { column, direction: 'desc' } : null;
  };
  if (columns.length === 0) return <p className="queries-note">The query returned no columns.</p>;
  return (
    <div className="queries-table-wrap">
      <table className="queries-table">
        <thead>
          <tr>
            {columns.map((column) => {
              const sort = order?.column === column ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={column} scope="col" aria-sort={sort}>
                  <button type="button" onClick={() => setOrder(next(column))}>
                    {column}
                    <span aria-hidden="true" className="queries-sort">
                      {sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row, i) => (
            <tr key={i}>
              {columns.map((column) => (
                <td key={column}>
                  <Cell value={row[column]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="queries-note">No rows.</p>}
      {rows.length > shown && (
        <button type="button" className="link queries-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more rows (of {rows.length - shown} not shown)
        </button>
      )}
    </div>
  );
}

/** Nodes by name with their kind's shape, relationships by type, paths step by step, lists item by item. */
function Cell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="queries-null">null</span>;
  if (isNode(value))
    return (
      <span className="queries-node" title={value.id}>
        <KindIcon labels={value.labels} /> {nodeName(value)}
      </span>
    );
  if (isEdge(value))
    return (
      <span className="queries-edge" title={value.id}>
        {value.type}
      </span>
    );
  if (isPath(value)) return <span className="queries-path">{value.nodes.map(nodeName).join(' — ')}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="queries-null">[]</span>;
    return (
      <ul className="queries-list">
        {value.map((item, i) => (
          <li key={i}>
            <Cell value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') return <code className="queries-map">{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}
