import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { figureSvg, layoutFigure, type Decorations } from '../../app/graph/svg-figure';
import { wrapLabel, type Scene } from '../../app/graph/scene';

const measure = (text: string, fontSize: number) => text.length * fontSize * 0.55;

const scene: Scene = {
  bounds: { x1: -50, y1: -40, x2: 250, y2: 120 },
  nodes: [
    { id: 'a', kind: 'Person', x: 0, y: 0, width: 26, height: 26, shape: 'ellipse', color: '#2563eb', borderColor: '#fff', borderWidth: 2, lines: ['Marco Rubio'], labelTop: 18, fontSize: 11, textColor: '#1e293b' },
    { id: 'b', kind: 'Deal', x: 200, y: 60, width: 26, height: 26, shape: 'diamond', color: '#dc2626', borderColor: '#fff', borderWidth: 2, lines: ['<script>&', 'deal'], labelTop: 78, fontSize: 11, textColor: '#1e293b' },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b', path: 'M0 0 L200 60', color: '#94a3b8', width: 1.5, lineStyle: 'dashed', arrow: { x: 200, y: 60, angle: 16.7, size: 8 }, label: { x: 100, y: 30, angle: 16.7, text: 'agreed to', fontSize: 9, color: '#475569' } }],
};
const decorations: Decorations = {
  title: 'Rubio & Bukele',
  legend: [{ kind: 'Person', color: '#2563eb', shape: 'ellipse' }, { kind: 'Deal', color: '#dc2626', shape: 'diamond' }],
  sources: ['Little Marco Double-Crosses U.S. Informants — The Daily Beast'],
  background: 'white',
};

describe('the SVG figure', () => {
  it('is well-formed XML with every label, the title, legend and sources as <text>, escaped', () => {
    const svg = figureSvg(scene, decorations, measure);
    expect(XMLValidator.validate(svg)).toBe(true);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['Rubio &amp; Bukele', 'Person', 'Deal', 'Marco Rubio', '&lt;script&gt;&amp;', 'deal', 'agreed to', 'Sources', '1. Little Marco Double-Crosses U.S. Informants — The Daily Beast']));
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
    expect(figureSvg(scene, { ...decorations, background: 'transparent' }, measure)).not.toContain('fill="#ffffff"/>\n<text');
  });

  it('lays out title, legend, graph and footer top to bottom, wide enough for the longest line', () => {
    const layout = layoutFigure({ width: 300, height: 160 }, decorations, measure);
    expect(layout.title!.y).toBeLessThan(layout.legend[0]!.y + 14);
    expect(layout.legend[0]!.y).toBeLessThan(layout.graph.y);
    expect(layout.graph.y + layout.graph.height).toBeLessThan(layout.footer[0]!.y);
    expect(layout.width).toBeGreaterThanOrEqual(measure(`1. ${decorations.sources[0]}`, 12));
    const bare = layoutFigure({ width: 300, height: 160 }, { title: '', legend: [], sources: [], background: 'white' }, measure);
    expect(bare).toMatchObject({ title: null, legend: [], footer: [], height: 160 + 32 });
  });

  it('wraps labels at spaces to stay under the width', () => {
    expect(wrapLabel('Justice Department cooperation agreements with the informants', 110, 11, measure)).toEqual(['Justice Department', 'cooperation', 'agreements with', 'the informants']);
    expect(wrapLabel('CECOT', 110, 11, measure)).toEqual(['CECOT']);
  });
});
