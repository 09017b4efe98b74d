import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { StoryContent } from '../../shared/contract';
import { slug } from '../../shared/contract/export-filename';
import { saveBlob } from '../ui/download';
import { fetchStepSources } from './api/step-sources';
import { useStoryGraph } from './api/use-story-graph';
import { PRINT_DPI, stepImagesZip } from './step-images';

type Status = { phase: 'idle' } | { phase: 'working'; step: number } | { phase: 'done' | 'error' | 'cancelled'; message: string };

/** PNG widths offered, with their printed width at 300 dpi. */
const WIDTHS = [1200, 2400, 3600, 4800];
const inches = (pixels: number) => `${pixels / PRINT_DPI} in, ${Math.round((pixels / PRINT_DPI) * 2.54)} cm`;

interface Props {
  story: StoryContent;
  onClose: () => void;
}

/** Every step as PNG and SVG for print, in one zip; drawing shows which step it is on and can be cancelled. */
export function StepExportDialog({ story, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const running = useRef<AbortController | null>(null);
  const client = useQueryClient();
  const graph = useStoryGraph(story.elements);
  const [width, setWidth] = useState(2400);
  const [png, setPng] = useState(true);
  const [svg, setSvg] = useState(true);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const total = story.steps.length;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    // Closing the dialog stops the drawing.
    return () => running.current?.abort();
  }, []);

  const run = async () => {
    if (!graph.data) return;
    const controller = new AbortController();
    running.current = controller;
    const name = `threadline-${slug(story.title) || 'story'}-steps-${new Date().toISOString().slice(0, 10)}.zip`;
    const edgeIds = new Set(story.elements.edges);
    try {
      const zip = await stepImagesZip(story, graph.data, { width, png, svg }, { sourcesOf: (step) => fetchStepSources(client, step, edgeIds), onStep: (step) => setStatus({ phase: 'working', step }), signal: controller.signal });
      saveBlob(zip, name);
      setStatus({ phase: 'done', message: `Saved ${name} (${total} ${total === 1 ? 'step' : 'steps'}, ${Math.max(1, Math.round(zip.size / 1024)).toLocaleString()} kB)` });
    } catch (err) {
      if (controller.signal.aborted) setStatus({ phase: 'cancelled', message: 'Cancelled: nothing was saved.' });
      else setStatus({ phase: 'error', message: (err as Error).message });
    } finally {
      running.current = null;
    }
  };

  const working = status.phase === 'working';
  return (
    <dialog ref={dialog} className="story-export-dialog" aria-label="Export steps" onClose={onClose} onCancel={onClose}>
      <header>
        <h2>Export steps</h2>
        <button type="button" className="icon-button" aria-label="Close export steps" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="queries-note">Each step as a picture for print: its title and caption, the graph as the step shows it, a legend, and the sources it rests on. One zip file, the steps numbered in order.</p>
      <fieldset disabled={working}>
        <legend>Files</legend>
        <label>
          <input type="checkbox" checked={png} onChange={(e) => setPng(e.target.checked)} /> PNG
        </label>
        <label>
          <input type="checkbox" checked={svg} onChange={(e) => setSvg(e.target.checked)} /> SVG (editable text)
        </label>
      </fieldset>
      <label className="story-field">
        <span>PNG width at {PRINT_DPI} dpi</span>
        <select value={width} disabled={working || !png} onChange={(e) => setWidth(Number(e.target.value))}>
          {WIDTHS.map((w) => (
            <option key={w} value={w}>
              {w.toLocaleString()} px ({inches(w)})
            </option>
          ))}
        </select>
      </label>
      {graph.error && <p className="panel-status error">Could not load the story's graph: {graph.error.message}</p>}
      <div className="panel-actions">
        <button type="button" className="queries-primary" disabled={working || !graph.data || total === 0 || (!png && !svg)} onClick={() => void run()}>
          {graph.data ? 'Export' : 'Loading the graph…'}
        </button>
        {working && (
          <>
            <progress aria-label="Drawing the steps" value={status.step} max={total} />
            <button type="button" className="link" onClick={() => running.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
      <p role="status" className={status.phase === 'error' ? 'panel-status error' : 'panel-status'}>
        {status.phase === 'idle' ? '' : status.phase === 'working' ? `Drawing step ${status.step + 1} of ${total}: ${story.steps[status.step]?.title ?? ''}` : status.message}
      </p>
    </dialog>
  );
}
