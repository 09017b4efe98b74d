import { kindOf } from '../../shared/model/graph-model';
import { useEntityMatch } from './api/use-entity-match';

interface Props {
  side: 'subject' | 'object';
  /** The existing entities the server named. */
  ids: string[];
  /** The name typed for the new entity: its ranked matches give the candidates their names. */
  typed: string;
  onPick: (entity: { id: string; name: string; kind: string }) => void;
}

/** One side of a 409: the existing entities the new one may duplicate, each to use instead. */
export function DuplicateChoice({ side, ids, typed, onPick }: Props) {
  const match = useEntityMatch(typed);
  const candidates = (match.data?.candidates ?? []).map((c) => ({ id: c.node.id, name: String(c.node.properties.name ?? c.node.id), kind: kindOf(c.node.labels), reasons: c.reasons }));
  // The ids the server named, with names where the ranked matches know them; else the best matches.
  const shown = ids.length > 0 ? ids.map((id) => candidates.find((c) => c.id === id) ?? { id, name: id, kind: id.split(':')[0] ?? '', reasons: [] }) : candidates.slice(0, 3);
  return (
    <div className="claim-duplicate">
      <p>
        The new {side} “{typed}” may already be in the graph:
      </p>
      {match.isPending && <p className="panel-status">Looking up their names…</p>}
      <ul>
        {shown.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onPick({ id: c.id, name: c.name, kind: c.kind })}>
              Use {c.name} ({c.kind})
            </button>
            {c.reasons.length > 0 && <span className="entity-reasons"> {c.reasons.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
