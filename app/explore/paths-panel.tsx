import { useQueries } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Evidence, PathResult } from '../../shared/contract';
import { edgeDetailsQuery } from './api/use-edge-details';
import { usePaths } from './api/use-paths';
import { EvidenceCard } from './evidence-card';
import { readPath } from './path-reading';

interface Props {
  from: string | null;
  to: string | null;
  names: Record<string, string>;
  onFound: (result: PathResult) => void;
  onClear: () => void;
  onRead: (evidence: Evidence) => void;
}

/** The shortest paths between two nodes, read out one sentence per edge with the quote behind it. */
export function PathsPanel({ from, to, names, onFound, onClear, onRead }: Props) {
  const ends = from && to ? { from, to } : null;
  const { data, error, isFetching } = usePaths(ends);
  useEffect(() => {
    if (data) onFound(data);
  }, [data, onFound]);
  const edgeIds = [...new Set(data?.paths.flatMap((p) => p.edges.map((e) => e.id)) ?? [])];
  const details = useQueries({ queries: edgeIds.map((id) => edgeDetailsQuery(id)) });
  const firstQuote = new Map(details.flatMap((d) => (d.data?.evidence[0] ? [[d.data.edge.id, d.data.evidence[0]] as const] : [])));

  return (
    <aside className="side-panel" aria-label="Paths">
      <header>
        <div>
          <p className="panel-kind">Paths</p>
          <h2>
            {from ? names[from] ?? from : 'Pick a start'} → {to ? names[to] ?? to : 'pick an end'}
          </h2>
          <p className="panel-sub">Right-click a node, or use the details panel: “Path from here” / “Path to here”.</p>
        </div>
        <button type="button" className="icon-button" aria-label="Close paths" onClick={onClear}>
          ×
        </button>
      </header>
      {isFetching && <p className="panel-status">Finding paths…</p>}
      {error && <p className="panel-status error">{error.message}</p>}
      {data && data.paths.length === 0 && <p className="panel-status">No path of six steps or fewer joins them.</p>}
      {data?.paths.map((path, i) => (
        <section key={i} className="path">
          <h3>
            Path {i + 1} · {path.edges.length} step{path.edges.length === 1 ? '' : 's'}
          </h3>
          <ol>
            {readPath(path).map((step) => (
              <li key={step.edgeId}>
                <p className="path-sentence">{step.sentence}</p>
                {firstQuote.get(step.edgeId) && <EvidenceCard evidence={firstQuote.get(step.edgeId)!} onRead={onRead} />}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data?.truncated && <p className="panel-status">More paths of the same length exist; showing the first {data.paths.length}.</p>}
    </aside>
  );
}
