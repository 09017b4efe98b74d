import type { SavedQuery } from '../../shared/contract';
import { useQueryHistory } from './api/use-query-history';
import { useRestoreQuery } from './api/use-restore-query';
import { QueryError } from './query-error';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Every saved version, newest first; restoring one saves it again as the newest, so nothing is lost. */
export function QueryHistory({ query, dirty }: { query: SavedQuery; dirty: boolean }) {
  const history = useQueryHistory(query.id);
  const restore = useRestoreQuery();
  if (history.isPending) return <p className="queries-note">Loading the history…</p>;
  if (history.error) return <QueryError error={history.error} action="load the history" />;
  return (
    <div className="queries-history">
      {dirty && <p className="queries-warning">Restoring a version replaces your unsaved changes.</p>}
      <QueryError error={restore.error} action="restore the version" />
      <ol>
        {history.data.versions.map((v) => (
          <li key={v.version}>
            <details>
              <summary>
                <span className="queries-version">v{v.version}</span> {v.name}
                <span className="queries-note"> · {when(v.savedAt)} · {v.author}</span>
              </summary>
              {v.description && <p className="queries-description">{v.description}</p>}
              <pre className="queries-cypher">{v.cypher}</pre>
              {v.parameters.length > 0 && <p className="queries-note">Parameters: {v.parameters.map((p) => `${p.name} (${p.type}${p.required ? ', required' : ''})`).join(', ')}</p>}
            </details>
            {v.version === query.version ? (
              <span className="queries-current">current</span>
            ) : (
              <button type="button" className="link" aria-label={`Restore version ${v.version}`} disabled={restore.isPending} onClick={() => restore.mutate({ id: query.id, version: v.version })}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
