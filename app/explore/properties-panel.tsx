import type { WireEdge, WireNode } from '../../server/contract';
import { kindOf } from '../graph/palette';

const HIDDEN = new Set(['evidence', 'name']);

function format(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '—';
  return String(value);
}

/** Name, kind and properties of the selected node or edge. */
export function PropertiesPanel({ element, onClose }: { element: WireNode | WireEdge; onClose: () => void }) {
  const isNode = 'labels' in element;
  const title = isNode ? String(element.properties.name ?? element.id) : element.type.toLowerCase().replace(/_/g, ' ');
  const entries = Object.entries(element.properties).filter(([k]) => !HIDDEN.has(k));
  return (
    <aside className="side-panel" aria-label="Details">
      <header>
        <div>
          <p className="panel-kind">{isNode ? kindOf(element.labels) : 'Relationship'}</p>
          <h2>{title}</h2>
          {!isNode && (
            <p className="panel-sub">
              {element.source} → {element.target}
            </p>
          )}
        </div>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="props">
        <dt>id</dt>
        <dd>
          <code>{element.id}</code>
        </dd>
        {entries.map(([key, value]) => (
          <div key={key} className="prop-row">
            <dt>{key}</dt>
            <dd>{format(value)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
