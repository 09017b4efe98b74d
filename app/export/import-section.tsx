import { useState, type ReactNode } from 'react';
import type { ImportSummary } from '../../shared/contract';
import { importFile } from './api/import-file';

type State =
  | { phase: 'idle' }
  | { phase: 'checking' | 'writing'; file: File }
  | { phase: 'preview'; file: File; summary: ImportSummary }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'error'; message: string };

const tally = (s: ImportSummary, verb: string) => {
  const created = s.nodes.create + s.edges.create;
  const merged = s.nodes.merge + s.edges.merge;
  return `${created} ${verb === 'will' ? 'to create' : 'created'}, ${merged} ${verb === 'will' ? 'to merge' : 'merged'} (nodes and relationships; ${s.evidence.create} new quotes)`;
};

/** A CSV or XLSX spreadsheet goes through a mapping step first, which another feature provides (app.tsx composes it). */
export type SpreadsheetStep = (file: File, close: () => void) => ReactNode;
const isSpreadsheet = (file: File) => /\.(csv|tsv|xlsx|xls)$/i.test(file.name);

/** Pick a Threadline JSON, GraphML or CSV zip file, or FollowTheMoney entities, see what it would change, then confirm. */
export function ImportSection({ spreadsheetStep }: { spreadsheetStep?: SpreadsheetStep }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [sheet, setSheet] = useState<File | null>(null);

  const preview = async (file: File | undefined) => {
    if (!file) return;
    if (spreadsheetStep && isSpreadsheet(file)) return setSheet(file);
    setState({ phase: 'checking', file });
    try {
      setState({ phase: 'preview', file, summary: await importFile(file, true) });
    } catch (err) {
      setState({ phase: 'error', message: (err as Error).message });
    }
  };
  const confirm = async (file: File) => {
    setState({ phase: 'writing', file });
    try {
      setState({ phase: 'done', summary: await importFile(file, false) });
    } catch (err) {
      setState({ phase: 'error', message: (err as Error).message });
    }
  };

  return (
    <section className="import-section" aria-label="Import">
      <h3>Import</h3>
      <label className="export-field">
        A Threadline JSON, GraphML or CSV zip file, FollowTheMoney entities (JSON lines){spreadsheetStep && ', or a spreadsheet (CSV, XLSX)'}
        <input type="file" accept={`.json,.graphml,.xml,.zip,.jsonl,.ijson,.ndjson,application/json,application/zip${spreadsheetStep ? ',.csv,.tsv,.xlsx,.xls' : ''}`} onChange={(e) => void preview(e.target.files?.[0])} />
      </label>
      <p role="status" className={state.phase === 'error' ? 'error' : undefined}>
        {state.phase === 'checking' && `Checking ${state.file.name}…`}
        {state.phase === 'writing' && `Importing ${state.file.name}…`}
        {state.phase === 'preview' && `${state.file.name}: ${tally(state.summary, 'will')}.`}
        {state.phase === 'done' && `Imported: ${tally(state.summary, 'did')}. Search for the new nodes to put them on the canvas.`}
        {state.phase === 'error' && state.message}
      </p>
      {state.phase === 'preview' && (
        <button type="button" className="primary" onClick={() => void confirm(state.file)}>
          Import {state.summary.nodes.create + state.summary.nodes.merge} nodes
        </button>
      )}
      {sheet && spreadsheetStep?.(sheet, () => setSheet(null))}
    </section>
  );
}
