import { useState } from 'react';
import type { Evidence, Graph, WireNode, WriteResult } from '../../shared/contract';
import type { CanvasAccess } from '../explore/explore-slots';
import { fetchNode } from './api/use-node';
import { useSource } from './api/use-source';
import { EMPTY_DRAFT, nextDraft, type ClaimDraft } from './claim-draft';
import { ClaimForm } from './claim-form';
import { ChangesFeed } from './changes-feed';
import { CorrectTextForm } from './correct-text-form';
import { QuoteCard } from './quote-card';
import { SourceText, type Mention, type Picked } from './source-text';
import type { Quoted } from './text-offsets';
import { VersionPicker } from './version-picker';

interface Props {
  sourceId: string;
  canvas: CanvasAccess;
  canWrite: boolean;
  onBack: () => void;
  /** Close the panel and show these elements in the explorer's details. */
  onDetails: (ids: string[]) => void;
}

/** The mentioned node with all its properties; if that fails, what the mention knows of it. */
const mentionNode = (m: Mention): Promise<WireNode> => fetchNode(m.nodeId).then(
  (details) => details.node,
  () => ({ id: m.nodeId, labels: ['Entity', m.kind], properties: { name: m.name } }),
);

/** A source's text to read and quote from: quotes in use underlined, known entities highlighted, the claim form beside. */
export function SourceView({ sourceId, canvas, canWrite, onBack, onDetails }: Props) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const { data, error, isPending } = useSource(sourceId, version);
  const [correcting, setCorrecting] = useState(false);
  const [history, setHistory] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [quoted, setQuoted] = useState<Quoted | null>(null);
  const [draft, setDraft] = useState<ClaimDraft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState<WriteResult | null>(null);
  const { controller } = canvas;

  const show = (graph: Graph) => {
    if (!controller) return;
    const ids = [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)];
    // Elements already drawn take the write's data (an edge's confidence after one more quote); the rest are added.
    controller.redraw(graph);
    controller.add(graph);
    controller.highlight(ids);
    controller.fitView(ids);
  };
  const onSaved = (result: WriteResult) => {
    show(result.graph);
    setSaved(result);
    setQuoted(null);
    setDraft(nextDraft(draft));
  };
  const onRetracted = (evidence: Evidence, result: WriteResult) => {
    // Edges the quote supported that are gone after the retraction leave the canvas too.
    const kept = new Set(result.graph.edges.map((e) => e.id));
    const gone = evidence.claims.filter((c) => data?.supports.edges.some((e) => e.id === c) && !kept.has(c));
    if (gone.length > 0) controller?.remove(gone);
    if (result.graph.nodes.length + result.graph.edges.length > 0) {
      controller?.redraw(result.graph);
      controller?.add(result.graph);
    }
    setPicked(null);
  };
  const select = (q: Quoted) => {
    setQuoted(q);
    setPicked(null);
    setSaved(null);
  };

  if (isPending || error)
    return (
      <div className="reader-main">
        <button type="button" className="link" onClick={onBack}>
          ← All sources
        </button>
        {error ? <p className="error">Could not load the source: {error.message}</p> : <p className="panel-status">Loading the source…</p>}
      </div>
    );
  const { source } = data;
  const savedEdge = saved?.graph.edges[0];
  // Claims quote the current text only; an earlier version is for reading.
  const earlier = data.version < source.version;
  const correct = () => {
    setCorrecting(true);
    setQuoted(null);
    setPicked(null);
    setSaved(null);
  };
  const hint = earlier
    ? `Version ${data.version}, an earlier text. Underlined: the quotes no longer verbatim in the current one, kept with it.`
    : canWrite
      ? 'Select a sentence, or part of one, to make a claim from it.'
      : 'Underlined: quotes in use. Highlighted: entities in the graph.';

  return (
    <div className="reader">
      <div className="reader-main">
        <header className="reader-header">
          <button type="button" className="link" onClick={onBack}>
            ← All sources
          </button>
          <h3>{source.title}</h3>
          <p className="panel-sub">{[source.publisher, source.author, source.publishedAt].filter(Boolean).join(' · ')}</p>
          {source.url && (
            <a className="panel-sub" href={source.url} target="_blank" rel="noreferrer noopener">
              {source.url}
            </a>
          )}
          <div className="queries-row">
            <VersionPicker versions={data.versions} shown={data.version} onShow={setVersion} />
            {canWrite && !earlier && !correcting && (
              <button type="button" className="link" onClick={correct}>
                Correct text…
              </button>
            )}
            <button type="button" className="link" aria-pressed={history} onClick={() => setHistory(!history)}>
              History
            </button>
          </div>
          <p className="reader-hint">{hint}</p>
        </header>
        <SourceText text={data.text} evidence={data.evidence} mentions={data.mentions} onPick={setPicked} onSelect={canWrite && !earlier ? select : undefined} pending={quoted} />
      </div>
      {(picked || quoted || saved || correcting || history) && (
        <div className="reader-side">
          {history && (
            <section className="reader-card" aria-label="History of this source">
              <ChangesFeed canWrite={canWrite} controller={canvas.controller} target={source.id} label={`History of ${source.title}`} />
            </section>
          )}
          {correcting && <CorrectTextForm sourceId={source.id} version={source.version} onClose={() => setCorrecting(false)} />}
          {saved && (
            <section className="reader-card reader-saved" role="status">
              <p>{saved.change.summary}</p>
              <div className="queries-row">
                {savedEdge && (
                  <button type="button" className="link" onClick={() => onDetails([savedEdge.id])}>
                    Open in details
                  </button>
                )}
                <button type="button" className="link" onClick={() => setSaved(null)}>
                  Dismiss
                </button>
              </div>
            </section>
          )}
          {picked?.mentions.map((m) => (
            <section key={`${m.nodeId}-${m.start}`} className="reader-card" aria-label={`Mention of ${m.name}`}>
              <p>
                <strong>{m.name}</strong> <span className="entity-kind">{m.kind}</span>
              </p>
              <div className="queries-row">
                <button type="button" className="link" onClick={() => void mentionNode(m).then((node) => show({ nodes: [node], edges: [] }))}>
                  Show on canvas
                </button>
                {canWrite && quoted && (
                  <>
                    <button type="button" className="link" onClick={() => setDraft({ ...draft, subject: { id: m.nodeId, name: m.name, kind: m.kind } })}>
                      Use as subject
                    </button>
                    {draft.mode === 'relationship' && (
                      <button type="button" className="link" onClick={() => setDraft({ ...draft, object: { id: m.nodeId, name: m.name, kind: m.kind } })}>
                        Use as object
                      </button>
                    )}
                  </>
                )}
              </div>
            </section>
          ))}
          {picked?.quotes.map((e) => (
            <QuoteCard key={e.id} evidence={e} supports={data.supports} canWrite={canWrite} onShow={show} onRetracted={onRetracted} />
          ))}
          {quoted && canWrite && <ClaimForm sourceId={source.id} version={data.version} quoted={quoted} draft={draft} onDraft={setDraft} onSaved={onSaved} onCancel={() => setQuoted(null)} />}
        </div>
      )}
    </div>
  );
}
