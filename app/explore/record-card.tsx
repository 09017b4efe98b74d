import type { DatasetRecord } from '../../shared/contract';
import { CONFIDENCE_LABELS } from './filters-panel';

/** Only web addresses become links: a dataset's `javascript:` or `data:` URL stays text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** A dataset's record as evidence: which dataset and record, where the dataset says it comes from, who imported it. */
export function RecordCard({ record }: { record: DatasetRecord }) {
  return (
    <figure className="evidence evidence-record">
      <figcaption>
        <span className="confidence confidence-dataset-record">{CONFIDENCE_LABELS['dataset-record']}</span>
        <span className="evidence-source">
          {record.dataset}
          {record.file && record.file !== record.dataset ? ` (${record.file})` : ''}
        </span>
        <span className="record-id">
          {record.schema} {record.recordId}
        </span>
        {record.publisher.length > 0 && <span className="record-publisher">{record.publisher.join(', ')}</span>}
        {record.sourceUrl.map((url) =>
          isWebUrl(url) ? (
            <a key={url} href={url} target="_blank" rel="noopener noreferrer">
              {url}
            </a>
          ) : (
            <span key={url}>{url}</span>
          ),
        )}
        <span className="record-import">
          imported {record.importedAt.slice(0, 10)} by {record.importedBy}
        </span>
      </figcaption>
    </figure>
  );
}
