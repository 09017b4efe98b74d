import type { Evidence } from '../../shared/contract';
import { CONFIDENCE_LABELS } from './filters-panel';
import { RecordCard } from './record-card';

/** One quote as a journalist needs it: the words, who said them, how sure, and where to read them. */
export function EvidenceCard({ evidence, onRead }: { evidence: Evidence; onRead: (evidence: Evidence) => void }) {
  if (evidence.record) return <RecordCard record={evidence.record} />;
  return (
    <figure className="evidence">
      <blockquote>“{evidence.quote}”</blockquote>
      <figcaption>
        <span className="attribution">{evidence.attribution}</span>
        <span className={`confidence confidence-${evidence.confidence}`}>{CONFIDENCE_LABELS[evidence.confidence] ?? evidence.confidence}</span>
        {evidence.source && (
          <span className="evidence-source">
            {evidence.source.name ?? evidence.source.id}
            {evidence.source.publisher ? ` · ${evidence.source.publisher}` : ''}
          </span>
        )}
        {evidence.source?.hasText && (
          <button type="button" className="link" onClick={() => onRead(evidence)}>
            Read in source
          </button>
        )}
      </figcaption>
    </figure>
  );
}
