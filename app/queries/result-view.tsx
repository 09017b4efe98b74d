import { useEffect, useRef } from 'react';
import { truncationNote, type RunResult } from '../../shared/contract';
import { saveBlob } from '../ui/download';
import { exportFileName, toCsv, toJson } from './result-export';
import { ResultsTable } from './results-table';

interface Props {
  result: RunResult;
  /** For the export's file name. */
  name: string;
  /** Null while the canvas is not ready. */
  onOpen: ((mode: 'merge' | 'replace') => void) | null;
}

const formatCount = (n: number) => n.toLocaleString('en');

/** What a run returned: how long and how much, the graph for the canvas, the table, and its export. */
export function ResultView({ result, name, onOpen }: Props) {
  const { summary, graph } = result;
  const hasGraph = graph.nodes.length > 0;
  const truncation = truncationNote(summary);
  const section = useRef<HTMLElement>(null);
  // Each run mounts a new view: bring its summary into sight below the editor and the form.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);
  return (
    <section className="queries-result" aria-label="Result" ref={section}>
      <p className="queries-summary" role="status">
        {formatCount(summary.rowCount)} {summary.rowCount === 1 ? 'row' : 'rows'} · {formatCount(graph.nodes.length)} nodes · {formatCount(graph.edges.length)} relationships ·{' '}
        {formatCount(Math.round(summary.ms))} ms
      </p>
      {truncation && <p className="queries-warning">{truncation}</p>}
      <div className="queries-result-actions">
        <div className="queries-button-group" role="group" aria-label="Open on canvas">
          <span>Open on canvas:</span>
          <button type="button" disabled={!hasGraph || !onOpen} onClick={() => onOpen?.('merge')} title="Add the result's nodes and relationships to what is on the canvas">
            Merge
          </button>
          <button type="button" disabled={!hasGraph || !onOpen} onClick={() => onOpen?.('replace')} title="Clear the canvas and show only the result (Undo brings the canvas back)">
            Replace
          </button>
        </div>
        <div className="queries-button-group" role="group" aria-label="Export the table">
          <span>Export:</span>
          <button type="button" aria-label="Export CSV" onClick={() => saveBlob(new Blob([toCsv(result)], { type: 'text/csv;charset=utf-8' }), exportFileName(name, 'csv'))}>
            CSV
          </button>
          <button type="button" aria-label="Export JSON" onClick={() => saveBlob(new Blob([toJson(result)], { type: 'application/json' }), exportFileName(name, 'json'))}>
            JSON
          </button>
        </div>
      </div>
      {!hasGraph && <p className="queries-note">No nodes or relationships in this result: only the table.</p>}
      <ResultsTable columns={result.columns} rows={result.rows} />
    </section>
  );
}
