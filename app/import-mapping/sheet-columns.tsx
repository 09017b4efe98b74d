import type { SheetTable } from '../../shared/contract';

/** The sheet's columns, each with a few of its values, to choose from knowing what they hold. */
export function SheetColumns({ table }: { table: SheetTable }) {
  return (
    <table className="sheet-columns">
      <caption>
        {table.columns.length} columns, {table.more ? `the first ${table.rowCount.toLocaleString('en-US')} of more` : table.rowCount} rows
      </caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Sample values</th>
        </tr>
      </thead>
      <tbody>
        {table.columns.map((c) => (
          <tr key={c.name}>
            <th scope="row">{c.name}</th>
            <td>{c.samples.join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
