import { useDeferredValue, useId, useState } from 'react';
import type { WireNode } from '../../shared/contract';
import { KindIcon } from '../graph/kind-icon';
import { useSearch } from './api/use-search';
import { kindOf } from '../../shared/model/graph-model';

/** Typeahead over the full-text index: label, kind and a snippet per hit; Enter or click picks one. */
export function SearchBox({ onPick }: { onPick: (node: WireNode) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(text.trim());
  const { data, isFetching, error } = useSearch(deferred);
  const hits = deferred ? (data?.hits ?? []) : [];
  const listId = useId();

  const pick = (node: WireNode) => {
    onPick(node);
    setOpen(false);
    setText('');
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        aria-label="Search the graph"
        placeholder="Search people, agencies, deals…  ( / )"
        value={text}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) pick(hits[active].node);
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && deferred && (
        <ul id={listId} role="listbox" className="search-hits" aria-busy={isFetching}>
          {error && <li className="search-empty">Search failed: {error.message}</li>}
          {!error && hits.length === 0 && !isFetching && <li className="search-empty">No match for “{deferred}”</li>}
          {hits.map((hit, i) => (
            <li
              key={hit.node.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit.node)}
            >
              <KindIcon labels={hit.node.labels} />
              <span className="hit-name">{String(hit.node.properties.name ?? hit.node.id)}</span>
              <span className="hit-kind">{kindOf(hit.node.labels)}</span>
              {hit.snippet && <span className="hit-snippet">{hit.snippet}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
