import { confidenceLabel } from '../../shared/model/confidence-labels';
import type { Citation } from '../../shared/story/caption';
import { useCitation } from './api/use-citation';

/** One footnote: the quotes behind a cited edge or the cited quote, with who says it, how sure, and where. */
export function CitationFootnote({ citation }: { citation: Citation }) {
  const { data, error, isPending } = useCitation(citation);
  if (isPending) return <span className="panel-status">Loading {citation.id}…</span>;
  if (error) return <span className="panel-status error">{citation.id}: {error.message}</span>;
  return (
    <div className="footnote">
      {data.reading && <span className="footnote-reading">{data.reading}</span>}
      {data.evidence.length === 0 && <span className="panel-status">No quote behind this yet.</span>}
      {data.evidence.map((e) => (
        <figure key={e.id} className="footnote-quote">
          <blockquote>“{e.quote}”</blockquote>
          <figcaption>
            {e.attribution} · <span className={`confidence confidence-${e.confidence}`}>{confidenceLabel(e.confidence)}</span>
            {e.source && ` · ${e.source.name ?? e.source.id}${e.source.publisher ? `, ${e.source.publisher}` : ''}`}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
