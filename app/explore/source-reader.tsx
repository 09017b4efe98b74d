import { useEffect, useRef } from 'react';
import type { Evidence } from '../../shared/contract';
import { useSourceText } from './api/use-source-text';

/** The stored source text with the quote highlighted and scrolled into view. */
export function SourceReader({ evidence, onClose }: { evidence: Evidence; onClose: () => void }) {
  const { data, error, isPending } = useSourceText(evidence.source?.id ?? null, evidence.version);
  const mark = useRef<HTMLElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);
  useEffect(() => {
    mark.current?.scrollIntoView?.({ block: 'center' });
  }, [data]);

  return (
    <dialog ref={dialog} className="source-reader" aria-label="Source text" onClose={onClose} onCancel={onClose}>
      <header>
        <div>
          <p className="panel-kind">Source</p>
          <h2>{String(data?.source.properties.name ?? evidence.source?.name ?? '')}</h2>
          {evidence.source?.publisher && <p className="panel-sub">{evidence.source.publisher}</p>}
          {evidence.version !== null && <p className="panel-sub">Version {evidence.version} of the text: the quote is no longer verbatim in the corrected one.</p>}
        </div>
        <button type="button" className="icon-button" aria-label="Close source" onClick={onClose}>
          ×
        </button>
      </header>
      {isPending && <p>Loading the source…</p>}
      {error && <p className="error">Could not load the source: {error.message}</p>}
      {data && (
        <div className="source-text">
          {data.text.slice(0, evidence.start)}
          <mark ref={mark}>{data.text.slice(evidence.start, evidence.end)}</mark>
          {data.text.slice(evidence.end)}
        </div>
      )}
    </dialog>
  );
}
