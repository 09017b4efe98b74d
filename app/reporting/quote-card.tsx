import { useId, useState } from 'react';
import type { Evidence, Graph, WriteResult } from '../../shared/contract';
import { edgeLabel } from '../../shared/model/graph-model';
import { useRetractClaim } from './api/use-retract-claim';
import { confidenceLabel } from './confidence';

/** What a quote supports, in words: "Marco Rubio agreed to the deal", "Marco Rubio: position = …". */
export function claimsInWords(evidence: Evidence, supports: Graph): string[] {
  const name = (id: string) => String(supports.nodes.find((n) => n.id === id)?.properties.name ?? id);
  return evidence.claims.map((claim) => {
    const edge = supports.edges.find((e) => e.id === claim);
    if (edge) return `${name(edge.source)} ${edgeLabel(edge.type)} ${name(edge.target)}`;
    const [nodeId, property] = claim.split('#');
    const node = supports.nodes.find((n) => n.id === nodeId);
    if (property) return `${name(nodeId!)}: ${property} = ${String(node?.properties[property] ?? '…')}`;
    return name(claim);
  });
}

/** The part of `supports` a quote's claims touch, with the ends of its edges. */
export function supportedBy(evidence: Evidence, supports: Graph): Graph {
  const ids = new Set(evidence.claims.map((c) => c.split('#')[0]!));
  const edges = supports.edges.filter((e) => ids.has(e.id));
  for (const e of edges) ids.add(e.source).add(e.target);
  return { nodes: supports.nodes.filter((n) => ids.has(n.id)), edges };
}

interface Props {
  evidence: Evidence;
  supports: Graph;
  canWrite: boolean;
  onShow: (graph: Graph) => void;
  onRetracted: (evidence: Evidence, result: WriteResult) => void;
}

/** A quote already used: who says it, how sure, what it supports; shown on the canvas or retracted with a reason. */
export function QuoteCard({ evidence, supports, canWrite, onShow, onRetracted }: Props) {
  const id = useId();
  const retract = useRetractClaim();
  const [reason, setReason] = useState<string | null>(null);
  return (
    <section className="reader-card" aria-label="Quote in use">
      <blockquote>“{evidence.quote}”</blockquote>
      <p className="reader-card-meta">
        <span className="attribution">{evidence.attribution}</span> · <span className={`confidence confidence-${evidence.confidence}`}>{confidenceLabel(evidence.confidence)}</span>
      </p>
      <p className="field-label">Supports</p>
      <ul className="reader-claims">
        {claimsInWords(evidence, supports).map((words, i) => (
          <li key={i}>{words}</li>
        ))}
      </ul>
      <div className="queries-row">
        <button type="button" className="link" onClick={() => onShow(supportedBy(evidence, supports))}>
          Show on canvas
        </button>
        {canWrite && reason === null && (
          <button type="button" className="link danger" onClick={() => setReason('')}>
            Retract…
          </button>
        )}
      </div>
      {canWrite && reason !== null && (
        <form
          className="retract-form"
          onSubmit={(e) => {
            e.preventDefault();
            retract.mutate({ id: evidence.id, reason }, { onSuccess: (result) => onRetracted(evidence, result) });
          }}
        >
          <label htmlFor={`${id}-reason`}>Why retract it</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="The Post corrected the story on …" />
          {retract.error && (
            <p className="error" role="alert">
              {retract.error.message}
            </p>
          )}
          <div className="queries-row">
            <button type="submit" className="queries-primary danger" disabled={retract.isPending || !reason.trim()}>
              Retract quote
            </button>
            <button type="button" className="link" onClick={() => setReason(null)}>
              Keep it
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
