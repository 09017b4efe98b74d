/**
 * A caption as an HTML string, for pages the server writes (the story export and its embed). The parsed tree holds
 * no markup (shared/story/caption.ts), so this renderer only has to escape: every text and every attribute value
 * goes through `escapeHtml`, and the only attributes written are link targets the parser let through and anchors.
 */
import { citationsOf, type Block, type Inline } from './caption.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Footnote `n`'s anchor for a caption whose anchors start with `idPrefix` (the same ids the footnote list uses). */
export const footnoteAnchor = (idPrefix: string, n: number) => `${idPrefix}-note-${n}`;

export function captionHtml(blocks: readonly Block[], idPrefix: string): string {
  const number = new Map(citationsOf(blocks).map((c, i) => [c.id, i + 1]));
  const inline = (nodes: readonly Inline[]): string =>
    nodes
      .map((node) => {
        switch (node.type) {
          case 'text':
            return escapeHtml(node.text);
          case 'code':
            return `<code>${escapeHtml(node.text)}</code>`;
          case 'em':
          case 'strong':
            return `<${node.type}>${inline(node.children)}</${node.type}>`;
          case 'link':
            return `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer">${inline(node.children)}</a>`;
          case 'cite': {
            const n = number.get(node.citation.id)!;
            return `<sup class="footnote-ref"><a href="#${escapeHtml(footnoteAnchor(idPrefix, n))}" aria-label="source ${n}">[${n}]</a></sup>`;
          }
        }
      })
      .join('');
  return blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${inline(block.children)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}
