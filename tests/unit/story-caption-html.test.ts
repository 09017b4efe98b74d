import { describe, expect, it } from 'vitest';
import { captionHtml, escapeHtml } from '../../shared/story/caption-html.js';
import { parseCaption } from '../../shared/story/caption.js';
import { BAD_LINK_TARGETS, XSS_CAPTIONS } from './story-xss-corpus.js';

const html = (source: string) => captionHtml(parseCaption(source), 'step-1');
const ALLOWED_TAGS = /<\/?(?:p|em|strong|code|ul|ol|li)>/g;
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('caption HTML renderer', () => {
  it('writes paragraphs, emphasis, code, lists, web links and numbered footnote references', () => {
    expect(html('Rubio *called* **Bukele** on `13 March` [^rel:call] [^evidence:q1] [^rel:call].\n\n- [the Post](https://wapo.example/a?b=1&c=2)\n- two')).toBe(
      '<p>Rubio <em>called</em> <strong>Bukele</strong> on <code>13 March</code> ' +
        '<sup class="footnote-ref"><a href="#step-1-note-1" aria-label="source 1">[1]</a></sup> ' +
        '<sup class="footnote-ref"><a href="#step-1-note-2" aria-label="source 2">[2]</a></sup> ' +
        '<sup class="footnote-ref"><a href="#step-1-note-1" aria-label="source 1">[1]</a></sup>.</p>\n' +
        '<ul><li><a href="https://wapo.example/a?b=1&amp;c=2" rel="noopener noreferrer">the Post</a></li><li>two</li></ul>',
    );
  });

  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(captionHtml(parseCaption('[^rel:a]'), '"><script>')).toContain('href="#&quot;&gt;&lt;script&gt;-note-1"');
  });

  it.each(XSS_CAPTIONS)('writes %s as text: no element but the caption ones, the typed characters shown', (payload) => {
    const out = html(payload);
    const withoutOwnTags = out.replace(ALLOWED_TAGS, '');
    expect(withoutOwnTags).not.toMatch(/[<>"']/);
    expect(unescape(withoutOwnTags)).toBe(payload.replace(/\*\*|`/g, ''));
  });

  it.each(BAD_LINK_TARGETS)('writes no link for a target of %s, only its words', (href) => {
    expect(html(`[click me](${href})`)).toBe('<p>click me</p>');
  });
});
