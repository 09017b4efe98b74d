import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { stylesheet } from '../../shared/style/stylesheet';

/**
 * A second, invisible Cytoscape holding `elements`, drawn with the full-detail stylesheet and none of the canvas's
 * state (selection, highlight, fading, level of detail): what exports draw from. The caller destroys it.
 */
export function offscreenCy(elements: ElementDefinition[]): Core {
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;left:-10000px;top:0;width:1200px;height:900px;pointer-events:none';
  document.body.appendChild(container);
  const cy = cytoscape({ container, style: stylesheet, elements, layout: { name: 'preset' }, autoungrabify: true });
  cy.on('destroy', () => container.remove());
  return cy;
}

/** Some of the canvas's elements, at their positions, in an offscreen Cytoscape. */
export function offscreenCopy(source: Core, ids: { nodes: string[]; edges: string[] }): Core {
  return offscreenCy([
    ...ids.nodes.map((id) => source.getElementById(id)).filter((n) => n.nonempty()).map((n) => ({ group: 'nodes' as const, data: n.data(), position: { ...n.position() }, classes: n.hasClass('sized') ? 'sized' : '' })),
    ...ids.edges.map((id) => source.getElementById(id)).filter((e) => e.nonempty()).map((e) => ({ group: 'edges' as const, data: e.data() })),
  ]);
}
