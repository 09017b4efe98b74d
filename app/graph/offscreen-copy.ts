import cytoscape, { type Core } from 'cytoscape';
import { stylesheet } from '../../shared/style/stylesheet';

/**
 * A second, invisible Cytoscape holding some of the canvas's elements at their positions, drawn with the full-detail
 * stylesheet and none of the canvas's state (selection, highlight, fading): what exports draw from.
 * The caller destroys it.
 */
export function offscreenCopy(source: Core, ids: { nodes: string[]; edges: string[] }): Core {
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1200px;height:900px;pointer-events:none';
  document.body.appendChild(container);
  const elements = [
    ...ids.nodes.map((id) => source.getElementById(id)).filter((n) => n.nonempty()).map((n) => ({ group: 'nodes' as const, data: n.data(), position: { ...n.position() }, classes: n.hasClass('sized') ? 'sized' : '' })),
    ...ids.edges.map((id) => source.getElementById(id)).filter((e) => e.nonempty()).map((e) => ({ group: 'edges' as const, data: e.data() })),
  ];
  const copy = cytoscape({ container, style: stylesheet, elements, layout: { name: 'preset' }, autoungrabify: true });
  copy.on('destroy', () => container.remove());
  return copy;
}
