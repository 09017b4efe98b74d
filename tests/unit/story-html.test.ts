import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Evidence, Story } from '../../shared/contract/index.js';
import { storyViewerData, writeStoryHtml } from '../../server/services/export/story-html.js';
import type { StoryPublication } from '../../server/services/stories/story-publication.js';

const HOSTILE = '</script><!--<script>alert(1)</script>\u2028\u2029 & "quotes" \'too\'';
const quote = (id: string, text: string): Evidence => ({
  id, quote: text, start: 0, end: text.length, attribution: `Reuters ${HOSTILE}`, confidence: 'fact', claims: [], version: null,
  source: { id: 'source:wire', name: `Wire <b>story</b>`, publisher: 'Reuters', hasText: true },
});

const story: Story = {
  id: 'story:test-1', version: 2, author: 'ana', createdBy: 'ana', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z',
  title: `Deal ${HOSTILE}`, summary: 'Summary <img src=x onerror=alert(1)>', public: true,
  elements: { nodes: ['person:a', 'person:b'], edges: ['rel:ab'] },
  steps: [
    { id: 'step-1', title: `A ${HOSTILE}`, caption: `A met B [^rel:ab]. ${HOSTILE}`, highlighted: ['person:a'], camera: null, positions: { 'person:a': { x: 0, y: 0 }, 'person:b': { x: 100, y: 0 } } },
    { id: 'step-2', title: 'B', caption: 'Then [^evidence:q2] and [a link](javascript:alert(1)).', highlighted: ['rel:ab', 'person:b'], camera: { zoom: 2, center: { x: 50, y: 0 }, viewport: { width: 800, height: 600 } }, positions: { 'person:b': { x: 120, y: 40 } } },
  ],
};

const publication: StoryPublication = {
  story,
  graph: {
    title: story.title, exportedAt: '2026-01-03T00:00:00Z', selection: { kind: 'ids', ids: [] }, positions: {}, kinds: {} as never, redirects: {}, evidence: [], sources: [],
    nodes: [
      { id: 'person:a', labels: ['Person'], properties: { name: `Ann ${HOSTILE}` } },
      { id: 'person:b', labels: ['Person'], properties: { name: 'Bo' } },
    ],
    edges: [{ id: 'rel:ab', type: 'MET_WITH', source: 'person:a', target: 'person:b', properties: {} }],
  },
  footnotes: { 'rel:ab': { reading: 'Ann met with Bo', evidence: [quote('q1', `They met ${HOSTILE}`)] }, 'evidence:q2': { reading: null, evidence: [quote('q2', 'Second quote')] } },
  sources: [{ id: 'source:wire', name: `Wire ${HOSTILE}`, publisher: null, url: 'https://wire.example/story?a=1&b=2' }],
};

const page = writeStoryHtml(publication);
const { document } = new JSDOM(page).window;

describe('story page', () => {
  it('embeds its data as JSON that cannot end its script element, and reads back unchanged', () => {
    const block = page.slice(page.indexOf('<script type="application/json" id="threadline-story">'));
    const json = block.slice(block.indexOf('>') + 1, block.indexOf('</script>'));
    expect(json).not.toMatch(/<\/script|<!--|[\u2028\u2029<>]/i);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(storyViewerData(publication))));
    expect(document.getElementById('threadline-story')!.textContent).toBe(json);
  });

  it('carries positions forward: a step moves only the nodes it places', () => {
    const { steps, positioned } = storyViewerData(publication);
    expect(positioned).toBe(true);
    expect(steps[1]!.positions).toEqual({ 'person:a': { x: 0, y: 0 }, 'person:b': { x: 120, y: 40 } });
  });

  it('has exactly its own three scripts, no event handler attribute, and links only to the web or its own anchors', () => {
    expect(document.querySelectorAll('script')).toHaveLength(3);
    const all = [...document.querySelectorAll('*')];
    expect(all.flatMap((el) => el.getAttributeNames().filter((name) => /^on/i.test(name)))).toEqual([]);
    const hrefs = [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')!);
    expect(hrefs.every((href) => /^(https:\/\/|#)/.test(href))).toBe(true);
    expect(hrefs).toContain('https://wire.example/story?a=1&b=2');
    expect(document.querySelectorAll('[src]')).toHaveLength(0);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
  });

  it('shows every step, caption, footnote and source as the text that was written', () => {
    expect(document.querySelector('h1')!.textContent).toBe(story.title);
    const sections = [...document.querySelectorAll('#reading .step')];
    expect(sections.map((s) => s.querySelector('h2')!.textContent)).toEqual([`1 / 2 ${story.steps[0]!.title}`, '2 / 2 B']);
    expect(sections[0]!.querySelector('.caption')!.textContent).toBe(`A met B [1]. ${HOSTILE}`);
    expect(sections[1]!.querySelector('.caption')!.textContent).toBe('Then [1] and a link.');
    const note = sections[0]!.querySelector('#step-1-note-1')!;
    expect(note.querySelector('.reading')!.textContent).toBe('Ann met with Bo');
    expect(note.querySelector('blockquote')!.textContent).toBe(`“They met ${HOSTILE}”`);
    expect(note.querySelector('figcaption')!.textContent).toBe(`Reuters ${HOSTILE} · Stated as fact · Wire <b>story</b>, Reuters`);
    expect(document.querySelector('.sources li')!.textContent).toBe(`Wire ${HOSTILE}https://wire.example/story?a=1&b=2`);
  });
});
