import { useMemo, useState } from 'react';
import { GraphCanvas } from '../graph/graph-canvas';
import { kindOf } from '../graph/palette';
import { Legend } from './legend';
import { PropertiesPanel } from './properties-panel';
import { SearchBox } from './search-box';
import { useOverview } from './use-overview';

export function ExplorePage() {
  const { data: graph, isPending, error } = useOverview();
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const selected = useMemo(
    () => graph?.nodes.find((n) => n.id === selectedId) ?? graph?.edges.find((e) => e.id === selectedId) ?? null,
    [graph, selectedId],
  );
  const kinds = useMemo(() => [...new Set((graph?.nodes ?? []).map((n) => kindOf(n.labels)))].sort(), [graph]);

  return (
    <div className="explore">
      <div className="toolbar">
        <SearchBox onPick={(node) => setSelectedId(node.id)} />
        {graph && (
          <span className="counts" aria-live="polite">
            {graph.nodes.length} nodes · {graph.edges.length} relationships
          </span>
        )}
      </div>
      <div className="workspace">
        <div className="canvas-wrap">
          {isPending && <p className="canvas-message">Loading the graph…</p>}
          {error && <p className="canvas-message error">Could not load the graph: {error.message}</p>}
          <GraphCanvas graph={graph ?? { nodes: [], edges: [] }} selectedId={selectedId} onSelect={setSelectedId} />
          <Legend kinds={kinds} />
        </div>
        {selected && <PropertiesPanel element={selected} onClose={() => setSelectedId(null)} />}
      </div>
    </div>
  );
}
