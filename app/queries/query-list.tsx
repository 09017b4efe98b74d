import { useDeferredValue, useState } from 'react';
import { useQueries } from './api/use-queries';
import { QueryError } from './query-error';

interface Props {
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** The shared library: search by name, description or tag; a tag narrows to exactly that tag. */
export function QueryList({ onOpen, onNew }: Props) {
  const [text, setText] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const q = useDeferredValue(text.trim());
  const list = useQueries({ q, tag: tag ?? undefined });
  const queries = list.data?.queries ?? [];

  return (
    <div className="queries-list-view">
      <div className="queries-row">
        <input type="search" className="queries-search" aria-label="Search saved queries" placeholder="Search by name, description or tag…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="queries-primary" onClick={onNew}>
          New query
        </button>
      </div>
      {tag && (
        <p className="queries-filter">
          Tag <span className="queries-tag">{tag}</span>
          <button type="button" className="link" aria-label={`Stop filtering by tag ${tag}`} onClick={() => setTag(null)}>
            × all tags
          </button>
        </p>
      )}
      <QueryError error={list.error} action="load the saved queries" />
      {list.isPending && <p className="queries-note">Loading…</p>}
      {list.isSuccess && queries.length === 0 && <p className="queries-note">{q || tag ? 'No saved query matches.' : 'No saved queries yet: write one with “New query”.'}</p>}
      <ul className="queries-items" aria-label="Saved queries" aria-busy={list.isFetching}>
        {queries.map((query) => (
          <li key={query.id}>
            <button type="button" className="queries-item" onClick={() => onOpen(query.id)}>
              <span className="queries-item-name">{query.name}</span>
              {query.parameters.length > 0 && (
                <span className="queries-note">
                  {' '}
                  · {query.parameters.length} {query.parameters.length === 1 ? 'parameter' : 'parameters'}
                </span>
              )}
              {query.description && <span className="queries-item-description">{query.description}</span>}
            </button>
            <span className="queries-tags">
              {query.tags.map((t) => (
                <button key={t} type="button" className="queries-tag" aria-label={`Only queries tagged ${t}`} aria-pressed={t === tag} onClick={() => setTag(t)}>
                  {t}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
