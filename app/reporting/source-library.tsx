import { useState } from 'react';
import { useSources } from './api/use-sources';

interface Props {
  canWrite: boolean;
  onOpen: (sourceId: string) => void;
  onAdd: () => void;
}

/** The sources in the graph, newest first, filtered by words in the title, publisher or author. */
export function SourceLibrary({ canWrite, onOpen, onAdd }: Props) {
  const [q, setQ] = useState('');
  const { data, error, isPending } = useSources(q.trim());
  return (
    <section aria-label="Source library">
      <div className="queries-row">
        <input className="queries-search" type="search" aria-label="Search sources" placeholder="Search sources" value={q} onChange={(e) => setQ(e.target.value)} />
        {canWrite && (
          <button type="button" className="queries-primary" onClick={onAdd}>
            Add source
          </button>
        )}
      </div>
      {isPending && <p className="panel-status">Loading the sources…</p>}
      {error && <p className="error">Could not load the sources: {error.message}</p>}
      {data && data.sources.length === 0 && <p className="queries-note">{q.trim() ? 'No source matches.' : 'No sources yet.'}</p>}
      <ul className="queries-items">
        {data?.sources.map((s) => (
          <li key={s.id}>
            <button type="button" className="queries-item" onClick={() => onOpen(s.id)}>
              <span className="queries-item-name">{s.title}</span>
              <span className="queries-item-description">
                {[s.publisher, s.author, s.publishedAt].filter(Boolean).join(' · ')}
                {' · '}
                {s.quotes === 1 ? '1 quote' : `${s.quotes} quotes`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
