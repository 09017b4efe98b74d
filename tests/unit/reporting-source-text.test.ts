import { describe, expect, it } from 'vitest';
import { findMentions } from '../../server/services/reporting/mentions.js';
import { reduceToText } from '../../server/services/reporting/source-text.js';

describe('reduceToText', () => {
  it('keeps plain text as given but for line endings', () => {
    expect(reduceToText('One line.\r\nTwo  lines.\rThree.\n', 'text')).toBe('One line.\nTwo  lines.\nThree.');
  });

  it('reduces HTML to its paragraphs, without scripts, styles or attributes', () => {
    const html = `<html><head><style>p{color:red}</style><script>window.hacked = 1</script></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Deal</h1><p>Rubio <em>agreed</em>.</p>
      <img src="x" onerror="window.hacked = 2"><p>Bukele   told him.</p></article><script>document.write('evil')</script></body></html>`;
    const text = reduceToText(html, 'html');
    expect(text).toContain('Rubio agreed.\n\nBukele told him.');
    expect(text).not.toMatch(/hacked|evil|onerror|color/);
  });

  it('strips Markdown so quotes from the rendered page are verbatim', () => {
    const markdown = '# The deal\n\nRubio **agreed** to [the deal](https://example.com) with `Bukele`.\n\n- first_item_name\n- _second_\n\n> quoted\n\n```\ncode\n```';
    expect(reduceToText(markdown, 'markdown')).toBe('The deal\n\nRubio agreed to the deal with Bukele.\n\nfirst_item_name\nsecond\n\nquoted\n\ncode');
  });
});

describe('findMentions', () => {
  const entities = [
    { id: 'person:nayib-bukele', kind: 'Person', names: ['Nayib Bukele', 'Bukele'] },
    { id: 'person:cesar-lopez-larios', kind: 'Person', names: ['César López Larios'] },
  ];

  it('finds names and aliases, case- and accent-insensitive, on word boundaries, with offsets into the text', () => {
    const text = 'NAYIB BUKELE met cesar lopez larios; Bukeles and Bukele-ites aside, bukele.';
    const mentions = findMentions(text, entities);
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.nodeId])).toEqual([
      ['NAYIB BUKELE', 'person:nayib-bukele'],
      ['BUKELE', 'person:nayib-bukele'],
      ['cesar lopez larios', 'person:cesar-lopez-larios'],
      ['Bukele', 'person:nayib-bukele'],
      ['bukele', 'person:nayib-bukele'],
    ]);
  });

  it('keeps offsets right when the text has accents, decomposed or not', () => {
    const text = 'Ce\u0301sar Lo\u0301pez Larios and César López Larios';
    const mentions = findMentions(text, entities);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Ce\u0301sar Lo\u0301pez Larios', 'César López Larios']);
  });
});
