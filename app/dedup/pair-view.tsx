import type { ReactNode } from 'react';
import type { DedupPair, DedupSide } from '../../shared/contract';

/** Properties shown apart (name, aliases) or that say nothing to a reader (the quote lists, the dataset's own ids). */
const NOT_SHOWN = new Set(['id', 'name', 'aliases', 'evidence', 'ftmId', 'ftmSchema', 'ftmName']);

const shown = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : JSON.stringify(value));

function Side({ side, stays }: { side: DedupSide; stays: boolean }) {
  const { node } = side;
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.map(String) : [];
  const properties = Object.entries(node.properties).filter(([key]) => !NOT_SHOWN.has(key));
  return (
    <section className="dedup-side" aria-label={String(node.properties.name ?? node.id)}>
      <h3>{String(node.properties.name ?? node.id)}</h3>
      <p className="dedup-meta">
        {node.labels.filter((l) => l !== 'Entity').join(', ')} · <code>{node.id}</code> {stays && <strong className="dedup-stays">stays</strong>}
      </p>
      <dl>
        {aliases.length > 0 && <Row term="Aliases">{aliases.join('; ')}</Row>}
        {properties.map(([key, value]) => (
          <Row key={key} term={key}>
            {shown(value)}
          </Row>
        ))}
        <Row term="Connections">{side.connections.join('; ') || 'none'}</Row>
        <Row term="Sources">{[...side.datasets.map((d) => `dataset ${d}`), ...(side.quotes ? [`${side.quotes} ${side.quotes === 1 ? 'quote' : 'quotes'}`] : [])].join('; ') || 'none'}</Row>
      </dl>
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A pair side by side (text from the graph rendered as text), its score and why, then what "same" would do. */
export function PairView({ pair, merge }: { pair: DedupPair; merge: ReactNode }) {
  const stays = pair.merge.into.id;
  return (
    <div className="dedup-pair">
      <p className="dedup-score">
        <strong>{Math.round(pair.score * 100)}%</strong> alike: {pair.reasons.join(', ') || 'names'}
        {pair.judgement === 'unsure' && <span className="dedup-unsure"> · judged unsure before</span>}
      </p>
      <div className="dedup-sides">
        <Side side={pair.a} stays={pair.a.node.id === stays} />
        <Side side={pair.b} stays={pair.b.node.id === stays} />
      </div>
      <details className="dedup-merge" open={pair.merge.conflicts.length > 0}>
        <summary>If they are the same</summary>
        {merge}
      </details>
    </div>
  );
}
