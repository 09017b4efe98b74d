import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportProgress, SheetImportSummary, SheetMapping } from '../../shared/contract';
import { useImportSheet } from './api/use-import-sheet';
import { useSheetPreview } from './api/use-sheet-preview';
import { EdgeMappingFields } from './edge-mapping-fields';
import { addEdge, addNode, EMPTY_MAPPING, missingColumns, removeEdge, removeNode, setEdge, setNode } from './mapping-draft';
import { NodeMappingFields } from './node-mapping-fields';
import { SavedMappingBar } from './saved-mapping-bar';
import { SheetColumns } from './sheet-columns';
import { SheetPreviewTable } from './sheet-preview-table';
import { ImportProgressBar } from '../ui/import-progress-bar';
import { PossibleDuplicates } from '../ui/possible-duplicates';
import { useDebounced } from '../ui/use-debounced';
import './sheet-mapping.css';

interface Props {
  file: File;
  onClose: () => void;
  /** Opens the duplicates panel (this step closes first), offered when the import brought possible duplicates. */
  onReviewDuplicates?: () => void;
  /** Offers to put what the import (its change) brought on the canvas. */
  showImported?: (change: string) => ReactNode;
}

const cancelled = (err: Error) => err.name === 'AbortError';

const done = (s: SheetImportSummary, canShow: boolean) => {
  const { nodes, edges } = s.changes;
  const skipped = new Set(s.skipped.map((p) => p.row)).size;
  return `Imported ${s.rows} rows: ${nodes.added} nodes added, ${nodes.changed} changed; ${edges.added} relationships added, ${edges.changed} changed${skipped ? `; ${skipped} bad rows left out` : ''}.${canShow ? '' : ' Search for them to put them on the canvas.'}`;
};

/** A CSV or XLSX file's mapping step: which columns make nodes and relationships, a live preview, then the import. */
export function SheetMappingStep({ file, onClose, onReviewDuplicates, showImported }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [mapping, setMapping] = useState<SheetMapping>(EMPTY_MAPPING);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [loadNote, setLoadNote] = useState('');
  const settled = useDebounced(mapping, 400);
  const mapped = settled.nodes.length + settled.edges.length > 0;
  const table = useSheetPreview(file, null, sheet);
  const preview = useSheetPreview(file, mapped ? settled : null, sheet);
  const importing = useImportSheet();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  const columns = table.data?.table.columns.map((c) => c.name) ?? [];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  const change = (producer: (m: SheetMapping) => SheetMapping) => {
    setMapping(producer);
    importing.reset();
  };
  const badRows = preview.data?.badRows ?? 0;
  const ready = mapped && settled === mapping && preview.isSuccess && !preview.isPlaceholderData;
  // A big sheet's preview read its first rows only: the import checks the others, and may find bad rows among them.
  const more = table.data?.table.more ?? false;
  const rowsToImport = !table.data ? '' : more ? 'all' : table.data.table.rowCount - (skipBadRows ? badRows : 0);
  const start = () => {
    const controller = new AbortController();
    running.current = controller;
    setProgress(null);
    importing.mutate({ file, mapping, sheet, skipBadRows, signal: controller.signal, onProgress: setProgress });
  };

  return (
    <dialog ref={dialog} className="sheet-mapping-step" aria-labelledby="sheet-mapping-title" onClose={onClose}>
      <header>
        <h2 id="sheet-mapping-title">Import {file.name}</h2>
        <button type="button" aria-label="Close" onClick={() => dialog.current?.close()}>
          ✕
        </button>
      </header>
      {table.isError && <p className="error" role="alert">{table.error.message}</p>}
      {table.isPending && <p role="status">Reading {file.name}…</p>}
      {table.data && (
        <div className="sheet-mapping-body">
          <div className="sheet-mapping-form">
            {table.data.table.sheets.length > 1 && (
              <label className="sheet-choice">
                Sheet
                <select value={sheet ?? table.data.table.sheet ?? ''} onChange={(e) => setSheet(e.target.value)}>
                  {table.data.table.sheets.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              </label>
            )}
            <SheetColumns table={table.data.table} />
            <SavedMappingBar
              mapping={mapping}
              canSave={mapping.nodes.length + mapping.edges.length > 0}
              onLoad={(loaded, name) => {
                const missing = missingColumns(loaded, columns);
                setLoadNote(missing.length ? `“${name}” names columns this sheet lacks: ${missing.join(', ')}. Choose others before importing.` : `Loaded “${name}”.`);
                change(() => loaded);
              }}
            />
            {loadNote && <p role="status">{loadNote}</p>}
            <h3>Nodes</h3>
            {mapping.nodes.map((node, i) => (
              <NodeMappingFields key={i} node={node} columns={columns} onChange={(n) => change(setNode(i, n))} onRemove={() => change(removeNode(i))} />
            ))}
            <button type="button" onClick={() => change(addNode(columns[0]!))}>
              + Node mapping
            </button>
            <h3>Relationships</h3>
            {mapping.edges.map((edge, i) => (
              <EdgeMappingFields key={i} index={i} edge={edge} nodes={mapping.nodes} columns={columns} onChange={(e) => change(setEdge(i, e))} onRemove={() => change(removeEdge(i))} />
            ))}
            <button type="button" disabled={mapping.nodes.length === 0} onClick={() => change(addEdge())}>
              + Relationship mapping
            </button>
          </div>
          <div className="sheet-mapping-preview" aria-live="polite">
            {!mapped && <p>Add a node mapping to see the first rows as they will land.</p>}
            {mapped && preview.isError && <p className="error">{preview.error.message}</p>}
            {mapped && preview.data && preview.data.rows.length > 0 && <SheetPreviewTable preview={preview.data} />}
          </div>
        </div>
      )}
      <footer className="sheet-mapping-actions">
        {(badRows > 0 || more) && (
          <label>
            <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} />{' '}
            {badRows > 0 ? `Leave out the ${badRows}${more ? ' bad rows seen so far, and any other' : ''} bad rows` : 'Leave out bad rows, if the import finds any'}
          </label>
        )}
        <button type="button" className="primary" disabled={!ready || (badRows > 0 && !skipBadRows) || importing.isPending || importing.isSuccess} onClick={start}>
          Import {rowsToImport} rows
        </button>
        {importing.isPending && <ImportProgressBar progress={progress} onCancel={() => running.current?.abort()} />}
        <span role="status" className={importing.isError && !cancelled(importing.error) ? 'error' : undefined}>
          {importing.isSuccess && done(importing.data, Boolean(showImported))}
          {importing.isError && (cancelled(importing.error) ? 'Cancelled: nothing was written.' : importing.error.message)}
        </span>
        {importing.isSuccess && importing.data.change && showImported?.(importing.data.change)}
        {importing.isSuccess && (
          <PossibleDuplicates
            count={importing.data.possibleDuplicates}
            onReview={onReviewDuplicates && (() => {
              dialog.current?.close();
              onReviewDuplicates();
            })}
          />
        )}
      </footer>
    </dialog>
  );
}
