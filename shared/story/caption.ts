/**
 * Captions: a small part of Markdown parsed into a tree that holds only text and a few kinds of element, so that no
 * renderer (React in the app, an HTML file later) ever has markup to sanitise. Raw HTML is not a kind: `<script>` is
 * text. Paragraphs (blank-line separated), `- `/`1. ` lists, `*em*`/`_em_`, `**strong**`, `` `code` ``,
 * `[text](url)` with http(s)/mailto urls only (any other link keeps its text and loses its target), and citations
 * `[^rel:edge-id]` / `[^evidence:quote-id]`, numbered in order of first appearance.
 */

export const CAPTION_MAX_LENGTH = 4000;

export type CitationKind = 'edge' | 'evidence';
export interface Citation {
  kind: CitationKind;
  id: string;
}

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'cite'; citation: Citation };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Only these schemes, written plainly: an entity, a control character or a space in the scheme fails the test. */
const SAFE_HREF = /^(?:https?:\/\/[^\s"'<>`\\]+|mailto:[^\s"'<>`\\/]+@[^\s"'<>`\\]+)$/i;
const CITATION = /^\^(rel|evidence):([A-Za-z0-9._:-]+)$/;
const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
/** Emphasis nested deeper than this is read as text (a caption cannot make the parser recurse without bound). */
const MAX_DEPTH = 6;

export function safeHref(raw: string): string | null {
  const href = raw.trim();
  return SAFE_HREF.test(href) ? href : null;
}

export function parseCaption(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const first = LIST_ITEM.exec(lines[0]!);
    if (!first) {
      blocks.push({ type: 'paragraph', children: parseInline(lines.map((l) => l.trim()).join(' ')) });
      continue;
    }
    const items: string[] = [];
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if (item) items.push(item[3]!);
      else items[items.length - 1] += ` ${line.trim()}`;
    }
    blocks.push({ type: 'list', ordered: first[2] !== undefined, items: items.map((item) => parseInline(item)) });
  }
  return blocks;
}

function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const parsed = depth < MAX_DEPTH ? parseAt(text, i, depth) : null;
    if (parsed) {
      flush();
      out.push(...parsed.nodes);
      i = parsed.end;
    } else if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()^]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
    } else {
      plain += ch;
      i += 1;
    }
  }
  flush();
  return out;
}

/** The element starting at `i`, if one does; unmatched delimiters are text. */
function parseAt(text: string, i: number, depth: number): { nodes: Inline[]; end: number } | null {
  const ch = text[i]!;
  if (ch === '`') {
    const close = text.indexOf('`', i + 1);
    return close > i + 1 ? { nodes: [{ type: 'code', text: text.slice(i + 1, close) }], end: close + 1 } : null;
  }
  if (ch === '[') return parseBracket(text, i, depth);
  if (text.startsWith('**', i)) return delimited(text, i, '**', 'strong', depth);
  if (ch === '*' || ch === '_') return delimited(text, i, ch, 'em', depth);
  return null;
}

function delimited(text: string, i: number, marker: string, type: 'em' | 'strong', depth: number): { nodes: Inline[]; end: number } | null {
  const start = i + marker.length;
  if (start >= text.length || /\s/.test(text[start]!)) return null;
  const close = text.indexOf(marker, start + 1);
  if (close < 0 || /\s/.test(text[close - 1]!)) return null;
  return { nodes: [{ type, children: parseInline(text.slice(start, close), depth + 1) }], end: close + marker.length };
}

function parseBracket(text: string, i: number, depth: number): { nodes: Inline[]; end: number } | null {
  const close = text.indexOf(']', i + 1);
  if (close < 0) return null;
  const label = text.slice(i + 1, close);
  const citation = CITATION.exec(label);
  if (citation) {
    return { nodes: [{ type: 'cite', citation: { kind: citation[1] === 'rel' ? 'edge' : 'evidence', id: `${citation[1]}:${citation[2]}` } }], end: close + 1 };
  }
  if (text[close + 1] !== '(' || label.includes('[')) return null;
  const end = closingParen(text, close + 2);
  if (end < 0) return null;
  const children = parseInline(label, depth + 1);
  const href = safeHref(text.slice(close + 2, end));
  // A link to anywhere but the web or a mail address keeps its words and loses its target.
  return { nodes: href ? [{ type: 'link', href, children }] : children, end: end + 1 };
}

/** The `)` that closes a link target starting at `from`, past balanced pairs inside it (as Markdown reads them). */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && depth-- === 0) return i;
  }
  return -1;
}

/** The citations of a caption in order of first appearance, each once: footnote n is the n-th of these. */
export function citationsOf(blocks: readonly Block[]): Citation[] {
  const seen = new Map<string, Citation>();
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'cite' && !seen.has(node.citation.id)) seen.set(node.citation.id, node.citation);
      else if (node.type === 'em' || node.type === 'strong' || node.type === 'link') visit(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') visit(block.children);
    else block.items.forEach(visit);
  }
  return [...seen.values()];
}
