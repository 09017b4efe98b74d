/**
 * Offsets of a selection in a source's stored text. The reader renders the text as one pre-wrapped block whose
 * text nodes, read in order, are the stored text exactly; so the length (in UTF-16 code units, as JavaScript counts)
 * of everything from the block's start to a boundary is that boundary's offset in the stored text.
 */
export interface Quoted {
  quote: string;
  start: number;
  end: number;
}

/** Offset of the point (`node`, `offset`) counted in characters from the start of `root`'s text. */
export function offsetIn(root: Node, node: Node, offset: number): number {
  const range = root.ownerDocument!.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selected part of `text` inside `root`, with surrounding white space left out; null if the selection is elsewhere. */
export function quoteFromSelection(root: HTMLElement, selection: Selection | null, text: string): Quoted | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return trimQuote(text, offsetIn(root, range.startContainer, range.startOffset), offsetIn(root, range.endContainer, range.endOffset));
}

/** The quote `text[start, end)` without leading or trailing white space; null when nothing is left. */
export function trimQuote(text: string, start: number, end: number): Quoted | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { quote: text.slice(s, e), start: s, end: e } : null;
}
