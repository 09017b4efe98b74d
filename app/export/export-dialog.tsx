import { useEffect, useRef, useState } from 'react';
import type { CanvasController } from '../graph/canvas-controller';
import { slug } from '../../shared/contract/export-filename';
import { citedSources, fetchExport } from './api/export-file';
import { saveBlob } from '../ui/download';
import { EXPORT_CHOICES, type ExportChoice } from './export-choices';
import { canvasMeasure } from '../graph/raster';
import { exportImage } from './image-export';
import { ImportSection, type ImportFollowUps } from './import-section';
import './export-dialog.css';

type Scope = 'canvas' | 'selection';
type Status = { phase: 'idle' } | { phase: 'working'; message: string } | { phase: 'done'; message: string } | { phase: 'error'; message: string };

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} kB`;

interface Props extends ImportFollowUps {
  controller: CanvasController;
  selectedIds: string[];
  onClose: () => void;
}

/**
 * What to export (canvas or selection), in which format, with which options; then the file is downloaded.
 * Hidden and filtered-out elements are never exported.
 */
export function ExportDialog({ controller, selectedIds, onClose, spreadsheetStep, onReviewDuplicates, showImported }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The dialog is modal: the canvas does not change while it is open.
  const [parts] = useState(() => ({ canvas: controller.visible(), selection: controller.visible(selectedIds) }));
  const selectedCount = parts.selection.nodes.length;
  const [scope, setScope] = useState<Scope>(selectedCount > 0 ? 'selection' : 'canvas');
  const [choice, setChoice] = useState<ExportChoice>(EXPORT_CHOICES[0]!);
  const [title, setTitle] = useState('');
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [legend, setLegend] = useState(true);
  const [sourcesFooter, setSourcesFooter] = useState(true);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  const elements = parts[scope];
  const run = async () => {
    const { nodes, edges, positions } = elements;
    const name = `threadline-${slug(title) || 'graph'}-${new Date().toISOString().slice(0, 10)}`;
    try {
      if (choice.kind === 'image') {
        setStatus({ phase: 'working', message: sourcesFooter ? 'Finding the sources…' : 'Drawing…' });
        const sources = sourcesFooter ? await citedSources(nodes, edges) : [];
        setStatus({ phase: 'working', message: 'Drawing…' });
        const measure = canvasMeasure();
        const blob = await exportImage(controller.scene(elements, measure), { format: choice.id, scale, background, title, legend, sources }, measure);
        saveBlob(blob, `${name}.${choice.id}`);
        setStatus({ phase: 'done', message: `Saved ${name}.${choice.id} (${kilobytes(blob.size)})` });
      } else {
        setStatus({ phase: 'working', message: 'Preparing the file…' });
        const request = { format: choice.id, ids: nodes, edgeIds: edges, options: { ...(title ? { title } : {}), positions } };
        const file = await fetchExport(request, (received) => setStatus({ phase: 'working', message: `Downloading… ${kilobytes(received)}` }));
        saveBlob(file.blob, file.filename);
        setStatus({ phase: 'done', message: `Saved ${file.filename} (${kilobytes(file.blob.size)})` });
      }
    } catch (err) {
      setStatus({ phase: 'error', message: (err as Error).message });
    }
  };

  const working = status.phase === 'working';
  return (
    <dialog ref={dialog} className="export-dialog" aria-label="Export" onClose={onClose} onCancel={onClose}>
      <header>
        <h2>Export</h2>
        <button type="button" className="icon-button" aria-label="Close export" onClick={onClose}>
          ×
        </button>
      </header>
      <fieldset>
        <legend>What</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'canvas'} onChange={() => setScope('canvas')} /> Whole canvas ({parts.canvas.nodes.length} nodes)
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'selection'} disabled={selectedCount === 0} onChange={() => setScope('selection')} /> Selection ({selectedCount} nodes)
        </label>
      </fieldset>
      <label className="export-field">
        Format
        <select value={choice.id} onChange={(e) => setChoice(EXPORT_CHOICES.find((c) => c.id === e.target.value)!)}>
          {EXPORT_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="export-field">
        Title <input type="text" value={title} maxLength={200} placeholder="Optional" onChange={(e) => setTitle(e.target.value)} />
      </label>
      {choice.kind === 'image' && (
        <fieldset className="export-image-options">
          <legend>Image</legend>
          {choice.id === 'png' && (
            <label>
              Scale
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                {[1, 2, 3, 4].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            Background
            <select value={background} onChange={(e) => setBackground(e.target.value as 'white' | 'transparent')}>
              <option value="white">White</option>
              <option value="transparent">Transparent</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} /> Legend
          </label>
          <label>
            <input type="checkbox" checked={sourcesFooter} onChange={(e) => setSourcesFooter(e.target.checked)} /> Sources footer
          </label>
        </fieldset>
      )}
      <div className="export-actions">
        <button type="button" className="primary" disabled={working || elements.nodes.length === 0} onClick={() => void run()}>
          Export
        </button>
        {working && <progress aria-label="Exporting" />}
        <span role="status" className={status.phase === 'error' ? 'error' : undefined}>
          {status.phase === 'idle' ? '' : status.message}
        </span>
      </div>
      <ImportSection spreadsheetStep={spreadsheetStep} onReviewDuplicates={onReviewDuplicates} showImported={showImported} />
    </dialog>
  );
}

export default ExportDialog;
