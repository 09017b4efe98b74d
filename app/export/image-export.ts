/** PNG and SVG of the canvas (or the selection), drawn from an offscreen copy, with a title, legend and sources. */
import type { Core } from 'cytoscape';
import { offscreenCopy } from '../graph/offscreen-copy';
import { styleOf } from '../../shared/style/palette';
import { shapePath } from '../../shared/style/shape-outlines';
import type { ScopeElements } from './export-scope';
import { canvasMeasure, sceneOf } from './scene';
import { figureSvg, FONT, layoutFigure, type Decorations, type Measure } from './svg-figure';

export interface ImageOptions {
  format: 'png' | 'svg';
  /** PNG only: 1 to 4 times the canvas's size. */
  scale: number;
  background: Decorations['background'];
  title: string;
  legend: boolean;
  /** Lines for the sources footer; empty for none. */
  sources: string[];
}

function legendOf(cy: Core): Decorations['legend'] {
  const kinds = [...new Set(cy.nodes().map((n) => String(n.data('kind'))))].sort();
  return kinds.map((kind) => ({ kind, ...styleOf([kind]) }));
}

async function composePng(copy: Core, decorations: Decorations, scale: number, measure: Measure): Promise<Blob> {
  const graph = await copy.png({ output: 'blob-promise', full: true, scale, bg: decorations.background === 'white' ? '#ffffff' : undefined });
  const bitmap = await createImageBitmap(graph);
  const layout = layoutFigure({ width: bitmap.width / scale, height: bitmap.height / scale }, decorations, measure);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  if (decorations.background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, layout.width, layout.height);
  }
  if (layout.title) {
    ctx.font = `600 18px ${FONT}`;
    ctx.fillStyle = '#0f172a';
    ctx.fillText(decorations.title, layout.title.x, layout.title.y);
  }
  ctx.font = `12px ${FONT}`;
  for (const item of layout.legend) {
    ctx.fillStyle = item.color;
    ctx.fill(new Path2D(shapePath(item.shape, { x: item.x, y: item.y + 2, width: 14, height: 14 })));
    ctx.fillStyle = '#334155';
    ctx.fillText(item.kind, item.x + 19, item.y + 13);
  }
  ctx.drawImage(bitmap, layout.graph.x, layout.graph.y, layout.graph.width, layout.graph.height);
  for (const line of layout.footer) {
    ctx.font = `${line.bold ? '600 ' : ''}12px ${FONT}`;
    ctx.fillText(line.text, line.x, line.y);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG'))), 'image/png'));
}

export async function exportImage(cy: Core, scope: ScopeElements, options: ImageOptions): Promise<Blob> {
  const copy = offscreenCopy(cy, scope);
  try {
    const measure = canvasMeasure();
    const decorations: Decorations = { title: options.title, legend: options.legend ? legendOf(copy) : [], sources: options.sources, background: options.background };
    if (options.format === 'svg') return new Blob([figureSvg(sceneOf(copy, measure), decorations, measure)], { type: 'image/svg+xml' });
    return await composePng(copy, decorations, options.scale, measure);
  } finally {
    copy.destroy();
  }
}
