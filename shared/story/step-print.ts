/**
 * What a story step's printed picture says besides the graph: its caption as plain text, the legend of what it
 * shows, and the sources its highlighted edges (and its citations) rest on. Pure, so the app's step export and
 * its tests share it.
 */
import type { StoryStep } from '../contract/stories.js';
import { CONFIDENCE_LABELS } from '../model/confidence-labels.js';
import type { Confidence } from '../model/graph-model.js';
import { HIGHLIGHT_COLOR, lineStyleOf, styleOf, type KindStyle, type LineStyle } from '../style/palette.js';
import { parseCaption, type Inline } from './caption.js';

type Positions = Record<string, { x: number; y: number }>;

/** Each step's node positions with those of earlier steps carried forward (a step without positions keeps them). */
export function carriedPositions(steps: readonly Pick<StoryStep, 'positions'>[]): Positions[] {
  let positions: Positions = {};
  return steps.map((step) => (positions = { ...positions, ...(step.positions ?? {}) }));
}

const CITED = '\u0000';

function plain(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.type === 'text' || node.type === 'code' ? node.text : node.type === 'cite' ? CITED : plain(node.children))).join('');
}

/**
 * The caption as lines of plain text, one per paragraph or list item: emphasis and links keep their words, and
 * citations go (the sources footer names what they rest on). Nothing in it is markup.
 */
export function captionLines(caption: string): string[] {
  const tidy = (text: string) => text.replace(new RegExp(`\\s*${CITED}`, 'g'), '').replace(/\s+/g, ' ').trim();
  return parseCaption(caption)
    .flatMap((block) => (block.type === 'paragraph' ? [tidy(plain(block.children))] : block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${tidy(plain(item))}`)))
    .filter((line) => line.replace(/^(•|\d+\.)\s*/, '') !== '');
}

export interface LegendKind extends KindStyle {
  kind: string;
}
export interface LegendLine {
  label: string;
  lineStyle: LineStyle;
  color: string;
  width: number;
}
export interface StepLegend {
  kinds: LegendKind[];
  lines: LegendLine[];
}

const LINE_ORDER: LineStyle[] = ['solid', 'dashed', 'dotted'];
const EDGE_COLOR = '#94a3b8';

/**
 * The kinds of the nodes shown, each line style of the edges shown with the confidences it stands for, and the
 * step's highlight when it has one.
 */
export function stepLegend(shown: { kinds: readonly string[]; confidences: readonly (string | undefined)[] }, highlighted: boolean): StepLegend {
  const kinds = [...new Set(shown.kinds)].sort().map((kind) => ({ kind, ...styleOf([kind]) }));
  const byLine = new Map<LineStyle, Set<string>>();
  for (const confidence of shown.confidences) {
    const line = lineStyleOf(confidence);
    const labels = byLine.get(line) ?? new Set<string>();
    if (confidence) labels.add(CONFIDENCE_LABELS[confidence as Confidence] ?? confidence);
    byLine.set(line, labels);
  }
  const lines = LINE_ORDER.filter((line) => byLine.has(line)).map((line) => ({ label: [...byLine.get(line)!].join(', ') || 'Relationship', lineStyle: line, color: EDGE_COLOR, width: 2 }));
  if (highlighted) lines.push({ label: 'This step', lineStyle: 'solid', color: HIGHLIGHT_COLOR, width: 4 });
  return { kinds, lines };
}

/** A source as the footer prints it (the source library's fields). */
export interface PrintSource {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** Each source once, in the order the evidence first quotes it. */
export function stepSources(evidence: readonly { source: { id: string } | null }[], sources: ReadonlyMap<string, PrintSource>): PrintSource[] {
  const ids = [...new Set(evidence.flatMap((e) => (e.source ? [e.source.id] : [])))];
  return ids.flatMap((id) => sources.get(id) ?? []);
}

/** "Title. Publisher, 2025-03-16. https://…": only the parts the source has. */
export function sourceLine(source: PrintSource): string {
  const where = [source.publisher, source.publishedAt].filter(Boolean).join(', ');
  return [source.title, where, source.url].filter(Boolean).join('. ');
}
