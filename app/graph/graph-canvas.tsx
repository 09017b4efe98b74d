import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'react';
import type { Graph } from '../../server/contract';
import { stylesheet } from './stylesheet';
import { diffElements } from './sync-elements';

cytoscape.use(fcose);

export interface GraphCanvasProps {
  graph: Graph;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

/** The only owner of the Cytoscape instance: React passes data in, the canvas applies it as a diff. */
export function GraphCanvas({ graph, selectedId, onSelect }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const cy = cytoscape({ container: container.current, style: stylesheet, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
    cy.on('tap', 'node, edge', (event) => onSelectRef.current(event.target.id() as string));
    cy.on('tap', (event) => {
      if (event.target === cy) onSelectRef.current(null);
    });
    cyRef.current = cy;
    // A read-only handle for end-to-end tests and the browser console.
    (window as unknown as { __threadlineCy?: Core }).__threadlineCy = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const current = new Set(cy.elements().map((el) => el.id()));
    const diff = diffElements(current, graph);
    if (diff.addNodes.length + diff.addEdges.length + diff.remove.length === 0) return;
    cy.batch(() => {
      diff.remove.forEach((id) => cy.getElementById(id).remove());
      cy.add(diff.addNodes.map((data) => ({ group: 'nodes' as const, data })));
      cy.add(diff.addEdges.map((data) => ({ group: 'edges' as const, data })));
    });
    cy.layout({ name: 'fcose', animate: false, randomize: current.size === 0, nodeRepulsion: () => 20000, idealEdgeLength: () => 150, padding: 40 } as cytoscape.LayoutOptions).run();
  }, [graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements(':selected').unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  }, [selectedId]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" data-element-count={graph.nodes.length + graph.edges.length} />;
}
