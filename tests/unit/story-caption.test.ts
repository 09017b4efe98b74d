import { describe, expect, it } from 'vitest';
import { BAD_LINK_TARGETS, XSS_CAPTIONS } from './story-xss-corpus.js';
import { citationsOf, parseCaption, safeHref, type Block, type Inline } from '../../shared/story/caption.js';

const text = (value: string): Inline => ({ type: 'text', text: value });
const paragraph = (...children: Inline[]): Block => ({ type: 'paragraph', children });

/** Every link target and every piece of text in a tree: what a renderer could ever put on the page. */
function walk(blocks: Block[]) {
  const hrefs: string[] = [];
  const kinds = new Set<string>();
  let plain = '';
  const visit = (nodes: Inline[]) =>
    nodes.forEach((node) => {
      kinds.add(node.type);
      if (node.type === 'text' || node.type === 'code') plain += node.text;
      else if (node.type === 'link') {
        hrefs.push(node.href);
        visit(node.children);
      } else if (node.type !== 'cite') visit(node.children);
    });
  blocks.forEach((b) => (b.type === 'paragraph' ? visit(b.children) : b.items.forEach(visit)));
  return { hrefs, kinds, plain };
}

describe('caption Markdown', () => {
  it('reads paragraphs, emphasis, strong, code, links and lists', () => {
    expect(parseCaption('Rubio *called* **Bukele** on `March 13`.\n\nRead [the Post](https://washingtonpost.com/x "t").')).toEqual([
      paragraph(text('Rubio '), { type: 'em', children: [text('called')] }, text(' '), { type: 'strong', children: [text('Bukele')] }, text(' on '), { type: 'code', text: 'March 13' }, text('.')),
      paragraph(text('Read '), text('the Post'), text('.')),
    ]);
    expect(parseCaption('[the Post](https://washingtonpost.com/x)')).toEqual([paragraph({ type: 'link', href: 'https://washingtonpost.com/x', children: [text('the Post')] })]);
    expect(parseCaption('- one\n- two _and_\n  more\n\n1. first\n2) second')).toEqual([
      { type: 'list', ordered: false, items: [[text('one')], [text('two '), { type: 'em', children: [text('and')] }, text(' more')]] },
      { type: 'list', ordered: true, items: [[text('first')], [text('second')]] },
    ]);
  });

  it('keeps unmatched delimiters and escaped ones as text', () => {
    expect(parseCaption('2 * 3 = 6, a_b, \\*not em\\*, [half')).toEqual([paragraph(text('2 * 3 = 6, a_b, *not em*, [half'))]);
  });

  it('numbers citations of edges and quotes by first appearance, each once', () => {
    const blocks = parseCaption('The deal [^rel:rubio-agreed-to-deal] was *reported [^evidence:source:wp:10-42:fact]* twice [^rel:rubio-agreed-to-deal].\n\n- and [^rel:other]');
    expect(citationsOf(blocks)).toEqual([
      { kind: 'edge', id: 'rel:rubio-agreed-to-deal' },
      { kind: 'evidence', id: 'evidence:source:wp:10-42:fact' },
      { kind: 'edge', id: 'rel:other' },
    ]);
    expect(citationsOf(parseCaption('[^person:marco-rubio] [^rel:bad id]'))).toEqual([]);
  });
});

describe('caption sanitising (XSS corpus)', () => {

  it.each(XSS_CAPTIONS)('keeps %s as text, never as an element', (payload) => {
    const { kinds, plain, hrefs } = walk(parseCaption(payload));
    expect([...kinds].every((k) => ['text', 'code', 'em', 'strong'].includes(k))).toBe(true);
    expect(hrefs).toEqual([]);
    // What was typed is what shows (markup characters included), minus only the Markdown it used.
    expect(plain).toBe(payload.replace(/\*\*|`/g, ''));
  });


  it.each(BAD_LINK_TARGETS)('drops the target of a link to %s and keeps its words', (href) => {
    expect(safeHref(href)).toBeNull();
    const { hrefs, plain } = walk(parseCaption(`[click me](${href})`));
    expect(hrefs).toEqual([]);
    expect(plain).toBe('click me');
  });

  it('keeps web and mail links, in any case, trimmed', () => {
    expect(safeHref(' HTTPS://example.org/a?b=c#d ')).toBe('HTTPS://example.org/a?b=c#d');
    expect(safeHref('http://example.org')).toBe('http://example.org');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
  });

  it('stops nesting at a fixed depth rather than recursing without bound', () => {
    const deep = `${'*_'.repeat(2000)}x${'_*'.repeat(2000)}`;
    expect(() => parseCaption(deep)).not.toThrow();
  });
});
