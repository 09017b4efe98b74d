/**
 * A story step as a print figure (SVG): the story's name and the step number, the step's title and caption, its
 * picture (the graph as the step shows it, cut to its camera), a legend, and the sources footer. Pure; the PNG is
 * this SVG drawn at a scale. All text is escaped SVG `<text>`, so it stays text in Inkscape and Illustrator.
 */
import type { StepLegend } from '../../shared/story/step-print';
import { shapePath } from '../../shared/style/shape-outlines';
import { wrapLabel, type Measure, type Scene } from './scene';
import { DASH, escapeText, r, sceneSvg, svgDocument } from './svg-figure';

export interface StepDecorations {
  /** Above the title, e.g. "Rubio’s call · Step 2 of 4". */
  heading: string;
  title: string;
  /** The caption's paragraphs and list items, as plain text. */
  caption: string[];
  legend: StepLegend;
  /** The footer's lines, one a source. */
  sources: string[];
}

/** Figure units across; a 2,400 px PNG draws it twice over (300 dpi on 8 inches, one unit ≈ 0.5 pt). */
export const STEP_FIGURE_WIDTH = 1200;
/** The picture's proportions (width / height): every step alike, so printed steps line up. */
export const STEP_PICTURE_ASPECT = 3 / 2;

const PAD = 56;
const INNER = STEP_FIGURE_WIDTH - 2 * PAD;
const INK = '#0f172a';
const MUTED = '#475569';
const TYPE = {
  heading: { size: 17, line: 24 },
  title: { size: 34, line: 42 },
  caption: { size: 21, line: 30 },
  small: { size: 17, line: 24 },
};

/** Words wrapped to `width`; a word longer than a line (a URL) is cut where it must be. */
function wrap(text: string, width: number, size: number, measure: Measure): string[] {
  return wrapLabel(text, width, size, measure).flatMap((line) => {
    const pieces: string[] = [];
    let piece = '';
    for (const char of line) {
      if (piece && measure(piece + char, size) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    return [...pieces, piece];
  });
}

const textAt = (x: number, y: number, size: number, fill: string, text: string, weight = '') =>
  `<text x="${r(x)}" y="${r(y)}" font-size="${size}"${weight ? ` font-weight="${weight}"` : ''} fill="${fill}">${escapeText(text)}</text>`;

/** Legend items flow left to right, wrapping: a shape or a line sample, then its words. */
function legendParts(legend: StepLegend, top: number, measure: Measure): { parts: string[]; bottom: number } {
  const { size, line } = TYPE.small;
  const items = [
    ...legend.kinds.map((k) => ({ label: k.kind, mark: (x: number, y: number) => `<path d="${shapePath(k.shape, { x, y: y - 15, width: 18, height: 18 })}" fill="${k.color}"/>`, markWidth: 18 })),
    ...legend.lines.map((l) => ({
      label: l.label,
      mark: (x: number, y: number) => `<path d="M${x} ${r(y - 6)} L${x + 36} ${r(y - 6)}" stroke="${l.color}" stroke-width="${l.width}" fill="none"${DASH[l.lineStyle] ?? ''}/>`,
      markWidth: 36,
    })),
  ];
  const parts: string[] = [];
  let x = PAD;
  let y = top + line;
  for (const item of items) {
    const width = item.markWidth + 8 + measure(item.label, size) + 28;
    if (x > PAD && x + width > PAD + INNER) {
      x = PAD;
      y += line + 6;
    }
    parts.push(item.mark(x, y), textAt(x + item.markWidth + 8, y, size, MUTED, item.label));
    x += width;
  }
  return { parts, bottom: items.length ? y + 8 : top };
}

export function stepFigureSvg(scene: Scene, decorations: StepDecorations, measure: Measure): string {
  const parts: string[] = [];
  let y = PAD;
  const lines = (text: string, type: { size: number; line: number }, fill: string, weight = '', indent = 0) => {
    for (const line of wrap(text, INNER - indent, type.size, measure)) {
      y += type.line;
      parts.push(textAt(PAD + indent, y - (type.line - type.size) / 2, type.size, fill, line, weight));
    }
  };
  lines(decorations.heading, TYPE.heading, MUTED);
  y += 6;
  lines(decorations.title, TYPE.title, INK, '700');
  y += 10;
  for (const paragraph of decorations.caption) {
    lines(paragraph, TYPE.caption, '#1e293b');
    y += 8;
  }
  y += 10;

  const box = { x: PAD, y, width: INNER, height: INNER / STEP_PICTURE_ASPECT };
  const { x1, y1, x2 } = scene.bounds;
  const scale = box.width / Math.max(x2 - x1, 1);
  parts.push(
    `<clipPath id="step-picture"><rect x="${box.x}" y="${r(box.y)}" width="${box.width}" height="${r(box.height)}"/></clipPath>`,
    `<rect x="${box.x}" y="${r(box.y)}" width="${box.width}" height="${r(box.height)}" fill="#f8fafc" stroke="#e2e8f0"/>`,
    `<g clip-path="url(#step-picture)"><g transform="translate(${r(box.x)} ${r(box.y)}) scale(${r(scale * 1000) / 1000}) translate(${r(-x1)} ${r(-y1)})">`,
    ...sceneSvg(scene, measure),
    '</g></g>',
  );
  y += box.height + 12;

  const legend = legendParts(decorations.legend, y, measure);
  parts.push(...legend.parts);
  y = legend.bottom + 24;

  y += TYPE.small.line;
  parts.push(textAt(PAD, y, TYPE.small.size, INK, 'Sources', '700'));
  if (decorations.sources.length === 0) lines('No source is quoted for what this step highlights.', TYPE.small, MUTED);
  decorations.sources.forEach((source, i) => {
    const number = `${i + 1}.`;
    const top = y;
    lines(source, TYPE.small, MUTED, '', 28);
    parts.push(textAt(PAD, top + TYPE.small.line - (TYPE.small.line - TYPE.small.size) / 2, TYPE.small.size, MUTED, number));
  });
  const height = Math.ceil(y + PAD);
  return svgDocument(STEP_FIGURE_WIDTH, height, [`<rect width="${STEP_FIGURE_WIDTH}" height="${height}" fill="#ffffff"/>`, ...parts]);
}
