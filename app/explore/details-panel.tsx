import type { ReactNode } from 'react';
import type { Evidence, WireEdge, WireNode } from '../../shared/contract';
import { useEdgeDetails } from './api/use-edge-details';
import { useNodeDetails } from './api/use-node-details';
import { EvidenceCard } from './evidence-card';
import type { DetailsAbout } from './explore-slots';
import { PropertyList } from './property-list';
import { edgeLabel, kindOf } from '../../shared/model/graph-model';

interface Props {
  id: string;
  group: 'nodes' | 'edges';
  onClose: () => void;
  onRead: (evidence: Evidence) => void;
  onExpand: (id: string, type: string, direction: 'in' | 'out') => void;
  onPathEnd: (end: 'from' | 'to', id: string) => void;
  /** What other features add at the end (explore-slots.ts). */
  extra?: (about: DetailsAbout) => ReactNode;
}

/** Everything about the selected node or edge, with the evidence it rests on. */
export function DetailsPanel(props: Props) {
  return (
    <aside className="side-panel" aria-label="Details">
      {props.group === 'nodes' ? <NodeDetailsView {...props} /> : <EdgeDetailsView {...props} />}
    </aside>
  );
}

function Header({ kind, title, sub, onClose }: { kind: string; title: string; sub?: string; onClose: () => void }) {
  return (
    <header>
      <div>
        <p className="panel-kind">{kind}</p>
        <h2>{title}</h2>
        {sub && <p className="panel-sub">{sub}</p>}
      </div>
      <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
        ×
      </button>
    </header>
  );
}

function NodeDetailsView({ id, onClose, onRead, onExpand, onPathEnd, extra }: Props) {
  const { data, error, isPending, refetch } = useNodeDetails(id);
  if (isPending) return <p className="panel-status">Loading…</p>;
  if (error) return <p className="panel-status error">Could not load {id}: {error.message}</p>;
  const { node, evidence, degree } = data;
  return (
    <>
      <Header kind={kindOf(node.labels)} title={nameOf(node)} onClose={onClose} />
      <div className="panel-actions">
        <button type="button" className="link" onClick={() => onPathEnd('from', node.id)}>
          Path from here
        </button>
        <button type="button" className="link" onClick={() => onPathEnd('to', node.id)}>
          Path to here
        </button>
      </div>
      <PropertyList id={node.id} properties={node.properties} />
      {degree.length > 0 && (
        <section>
          <h3>Relationships</h3>
          <ul className="degree-list">
            {degree.map((d) => (
              <li key={`${d.type}-${d.direction}`}>
                <button type="button" className="link" title={`Add these to the canvas`} onClick={() => onExpand(node.id, d.type, d.direction)}>
                  {d.direction === 'out' ? `${edgeLabel(d.type)} →` : `← ${edgeLabel(d.type)}`} ({d.count})
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {evidence.length > 0 && (
        <section>
          <h3>Evidence</h3>
          {evidence.map((ev) => (
            <div key={ev.id}>
              <p className="supports">Supports: {ev.claims.filter((c) => c.startsWith(`${node.id}#`)).map((c) => c.split('#')[1]).join(', ') || 'this entry'}</p>
              <EvidenceCard evidence={ev} onRead={onRead} />
            </div>
          ))}
        </section>
      )}
      {extra?.({ group: 'nodes', details: data, reload: () => void refetch() })}
    </>
  );
}

function EdgeDetailsView({ id, onClose, onRead, extra }: Props) {
  const { data, error, isPending, refetch } = useEdgeDetails(id);
  if (isPending) return <p className="panel-status">Loading…</p>;
  if (error) return <p className="panel-status error">Could not load {id}: {error.message}</p>;
  const { edge, sourceNode, targetNode, evidence } = data;
  return (
    <>
      <Header kind="Relationship" title={`${nameOf(sourceNode)} ${edgeLabel(edge.type)} ${nameOf(targetNode)}`} sub={edge.type} onClose={onClose} />
      <section>
        <h3>Why this relationship exists</h3>
        {evidence.map((ev) => (
          <EvidenceCard key={ev.id} evidence={ev} onRead={onRead} />
        ))}
      </section>
      <PropertyList id={edge.id} properties={edge.properties} />
      {extra?.({ group: 'edges', details: data, reload: () => void refetch() })}
    </>
  );
}

export function nameOf(element: WireNode | WireEdge): string {
  const name = element.properties.name;
  return typeof name === 'string' ? name : element.id;
}
