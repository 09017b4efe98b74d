import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { withDpi } from '../../app/graph/png-dpi';
import type { Scene } from '../../app/graph/scene';
import { stepFigureSvg, type StepDecorations } from '../../app/graph/step-figure';
import { captionLines, carriedPositions, sourceLine, stepLegend, stepSources, type PrintSource } from '../../shared/story/step-print';

const measure = (text: string, fontSize: number) => text.length * fontSize * 0.55;

describe('a step caption in print', () => {
  it('is plain text: emphasis and links keep their words, citations go, markup stays characters', () => {
    const caption = '**Marco Rubio** took *the* call [^rel:rubio-call].\n\nSee [the report](https://post.example) <img src=x onerror=alert(1)>\n\n- one [^evidence:q1]\n- `two`\n\n1. first';
    expect(captionLines(caption)).toEqual(['Marco Rubio took the call.', 'See the report <img src=x onerror=alert(1)>', '• one', '• two', '1. first']);
    expect(captionLines('')).toEqual([]);
  });
});

describe('a step legend', () => {
  it('lists the kinds shown, each line style with the confidences it stands for, and the highlight', () => {
    const legend = stepLegend({ kinds: ['Person', 'Deal', 'Person'], confidences: ['fact', 'alleged', undefined, 'denied', 'anonymous-source', 'named-source'] }, true);
    expect(legend.kinds.map((k) => [k.kind, k.shape])).toEqual([['Deal', 'diamond'], ['Person', 'ellipse']]);
    expect(legend.lines.map((l) => [l.lineStyle, l.label])).toEqual([['solid', 'Stated as fact, Named source'], ['dashed', 'Alleged, Denied'], ['dotted', 'Anonymous source'], ['solid', 'This step']]);
    expect(legend.lines.at(-1)!.color).toBe('#f59e0b');
  });

  it('names an edge without a confidence a relationship, and has no highlight entry for a step without one', () => {
    expect(stepLegend({ kinds: [], confidences: [undefined] }, false).lines.map((l) => l.label)).toEqual(['Relationship']);
    expect(stepLegend({ kinds: ['Event'], confidences: [] }, false)).toMatchObject({ kinds: [{ kind: 'Event' }], lines: [] });
  });
});

const post: PrintSource = { id: 'source:post', title: 'Rubio’s secret deal', publisher: 'The Washington Post', url: 'https://post.example/deal', publishedAt: '2025-03-16' };
const beast: PrintSource = { id: 'source:beast', title: 'Little Marco Double-Crosses U.S. Informants', publisher: 'The Daily Beast', url: null, publishedAt: null };

describe('a step sources footer', () => {
  it('credits each source once, in the order its quotes come, and only sources it knows', () => {
    const evidence = [{ source: { id: 'source:beast' } }, { source: null }, { source: { id: 'source:post' } }, { source: { id: 'source:beast' } }, { source: { id: 'source:gone' } }];
    expect(stepSources(evidence, new Map([post, beast].map((s) => [s.id, s])))).toEqual([beast, post]);
  });

  it('prints title, publisher, date and address, leaving out what a source lacks', () => {
    expect(sourceLine(post)).toBe('Rubio’s secret deal. The Washington Post, 2025-03-16. https://post.example/deal');
    expect(sourceLine(beast)).toBe('Little Marco Double-Crosses U.S. Informants. The Daily Beast');
  });
});

describe('step positions', () => {
  it('carry forward: a step without positions keeps the earlier ones', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 5, y: 5 };
    expect(carriedPositions([{ positions: null }, { positions: { n: a } }, { positions: null }, { positions: { m: b } }])).toEqual([{}, { n: a }, { n: a }, { n: a, m: b }]);
  });
});

const XSS = '<img src=x onerror=alert(1)>';
const scene: Scene = {
  bounds: { x1: -100, y1: -60, x2: 300, y2: 207 },
  nodes: [
    { id: 'a', kind: 'Person', x: 0, y: 0, width: 26, height: 26, shape: 'ellipse', color: '#2563eb', borderColor: '#f59e0b', borderWidth: 5, lines: [XSS], labelTop: 18, fontSize: 11, textColor: '#1e293b' },
    { id: 'b', kind: 'Deal', x: 200, y: 60, width: 26, height: 26, shape: 'diamond', color: '#dc2626', borderColor: '#fff', borderWidth: 2, lines: ['CECOT\u0007 deal'], labelTop: 78, fontSize: 11, textColor: '#1e293b', opacity: 0.18 },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b', path: 'M0 0 L200 60', color: '#94a3b8', width: 1.5, lineStyle: 'dashed', arrow: null, label: null, opacity: 0.18 }],
};
const decorations: StepDecorations = {
  heading: 'Rubio’s call · Step 2 of 4',
  title: 'The deal & its price',
  caption: ['Rubio agreed.', `A name like ${XSS} is text.`],
  legend: stepLegend({ kinds: ['Person', 'Deal'], confidences: ['alleged'] }, true),
  sources: [sourceLine(post), `A very long address: https://example.org/${'x'.repeat(300)}`],
};

describe('the step figure', () => {
  const svg = stepFigureSvg(scene, decorations, measure);
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

  it('is well-formed SVG whose texts are the heading, title, caption, legend and sources, escaped', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(new XMLParser({ ignoreAttributes: false }).parse(svg).svg['@_width']).toBe('1200');
    expect(texts).toEqual(expect.arrayContaining(['Rubio’s call · Step 2 of 4', 'The deal &amp; its price', 'Rubio agreed.', 'Person', 'Deal', 'Alleged', 'This step', 'Sources', '1.', '&lt;img src=x onerror=alert(1)&gt;', 'CECOT deal']));
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('\u0007');
  });

  it('fades the rest, cuts the picture to its box, and wraps long lines inside the page', () => {
    expect(svg).toContain('<g opacity="0.18">');
    expect(svg).toMatch(/<clipPath id="step-picture"><rect x="56" y="[\d.]+" width="1088" height="725.33"\/><\/clipPath>/);
    // 400 graph units across 1088 figure units.
    expect(svg).toContain('scale(2.72) translate(100 60)');
    for (const text of texts) expect(measure(text, 34)).toBeLessThanOrEqual(1088 * 2);
    expect(texts.filter((t) => t.includes('x'.repeat(40))).length).toBeGreaterThan(1);
  });

  it('says so when no source is quoted', () => {
    expect(stepFigureSvg(scene, { ...decorations, sources: [] }, measure)).toContain('No source is quoted for what this step highlights.');
  });
});

describe('a PNG at print resolution', () => {
  it('gets a pHYs chunk after its header: 300 dpi is 11,811 pixels a metre, with the chunk’s CRC', () => {
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
    const out = Buffer.from(withDpi(png, 300));
    expect(out.length).toBe(png.length + 21);
    expect(out.subarray(0, 33)).toEqual(Buffer.from(png.subarray(0, 33)));
    expect(out.subarray(37, 41).toString('latin1')).toBe('pHYs');
    expect([out.readUInt32BE(33), out.readUInt32BE(41), out.readUInt32BE(45), out[49]]).toEqual([9, 11811, 11811, 1]);
    expect(out.readUInt32BE(50)).toBe(0x78a53f76);
    expect(out.subarray(54)).toEqual(Buffer.from(png.subarray(33)));
  });
});
