import { useRef, useState, type ReactNode } from 'react';
import type { ImportProgress, ImportSummary } from '../../shared/contract';
import { importFile } from './api/import-file';
import { ImportProgressBar } from '../ui/import-progress-bar';
import { PossibleDuplicates } from '../ui/possible-duplicates';

type State =
  | { phase: 'idle' }
  | { phase: 'checking' | 'writing'; file: File; progress: ImportProgress | null }
  | { phase: 'preview'; file: File; summary: ImportSummary }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

const tally = (s: ImportSummary, verb: string) => {
  const created = s.nodes.create + s.edges.create;
  const merged = s.nodes.merge + s.edges.merge;
  return `${created} ${verb === 'will' ? 'to create' : 'created'}, ${merged} ${verb === 'will' ? 'to merge' : 'merged'} (nodes and relationships; ${s.evidence.create} new quotes)`;
};
const skipped = (s: ImportSummary) => (s.skipped?.length ? ` ${s.skipped.length} bad line${s.skipped.length > 1 ? 's' : ''} left out: ${s.skipped.slice(0, 5).map((b) => `line ${b.line} (${b.reason})`).join(', ')}${s.skipped.length > 5 ? '…' : ''}.` : '');

/** A CSV or XLSX spreadsheet goes through a mapping step first, which another feature provides (app.tsx composes it). */
export type SpreadsheetStep = (file: File, close: () => void) => ReactNode;
const isSpreadsheet = (file: File) => /\.(csv|tsv|xlsx|xls)$/i.test(file.name);

/** What other features offer after an import (app.tsx composes them): the spreadsheet step, the duplicates panel. */
export interface ImportFollowUps {
  spreadsheetStep?: SpreadsheetStep;
  /** Opens the duplicates panel, offered when the import brought possible duplicates. */
  onReviewDuplicates?: () => void;
  /** Offers to put what a written import (its change) brought on the canvas. */
  showImported?: (change: string) => ReactNode;
}

/**
 * Pick a Threadline JSON, GraphML or CSV zip file, or FollowTheMoney entities, see what it would change, then
 * confirm. Both steps show progress and can be cancelled (the server rolls back).
 */
export function ImportSection({ spreadsheetStep, onReviewDuplicates, showImported }: ImportFollowUps) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [sheet, setSheet] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const running = useRef<AbortController | null>(null);

  const pick = (file: File | undefined) => {
    if (!file) return;
    if (spreadsheetStep && isSpreadsheet(file)) setSheet(file);
    else void run(file, true);
  };
  const run = async (file: File, preview: boolean) => {
    const controller = new AbortController();
    running.current = controller;
    const phase = preview ? 'checking' : 'writing';
    setState({ phase, file, progress: null });
    try {
      const onProgress = (progress: ImportProgress) => setState({ phase, file, progress });
      const summary = await importFile(file, { preview, skipBadRows, signal: controller.signal, onProgress });
      setState(preview ? { phase: 'preview', file, summary } : { phase: 'done', summary });
    } catch (err) {
      setState(controller.signal.aborted ? { phase: 'cancelled' } : { phase: 'error', message: (err as Error).message });
    } finally {
      running.current = null;
    }
  };

  return (
    <section className="import-section" aria-label="Import">
      <h3>Import</h3>
      <label className="export-field">
        A Threadline JSON, GraphML or CSV zip file, FollowTheMoney entities (JSON lines){spreadsheetStep && ', or a spreadsheet (CSV, XLSX)'}
        <input type="file" accept={`.json,.graphml,.xml,.zip,.jsonl,.ijson,.ndjson,application/json,application/zip${spreadsheetStep ? ',.csv,.tsv,.xlsx,.xls' : ''}`} onChange={(e) => pick(e.target.files?.[0])} />
      </label>
      <label>
        <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} /> Leave out bad lines (FollowTheMoney) and list them
      </label>
      {(state.phase === 'checking' || state.phase === 'writing') && <ImportProgressBar progress={state.progress} onCancel={() => running.current?.abort()} />}
      <p role="status" className={state.phase === 'error' ? 'error' : undefined}>
        {state.phase === 'checking' && `Checking ${state.file.name}…`}
        {state.phase === 'writing' && `Importing ${state.file.name}…`}
        {state.phase === 'preview' && `${state.file.name}: ${tally(state.summary, 'will')}.${skipped(state.summary)}`}
        {state.phase === 'done' && `Imported: ${tally(state.summary, 'did')}.${skipped(state.summary)}${showImported ? '' : ' Search for the new nodes to put them on the canvas.'}`}
        {state.phase === 'cancelled' && 'Cancelled: nothing was written.'}
        {state.phase === 'error' && state.message}
      </p>
      {state.phase === 'preview' && (
        <button type="button" className="primary" onClick={() => void run(state.file, false)}>
          Import {state.summary.nodes.create + state.summary.nodes.merge} nodes
        </button>
      )}
      {state.phase === 'done' && state.summary.change && showImported?.(state.summary.change)}
      {state.phase === 'done' && <PossibleDuplicates count={state.summary.possibleDuplicates} onReview={onReviewDuplicates} />}
      {sheet && spreadsheetStep?.(sheet, () => setSheet(null))}
    </section>
  );
}
