/**
 * A story as one self-contained HTML page (the story export and the public embed): Cytoscape and a small viewer
 * inlined, the graph drawn with the app's stylesheet, each step's highlight, positions and camera animated on
 * arrow keys, clicks and buttons, then every step again as text with its picture, caption and footnotes (what a
 * screen reader and a printer read), and the sources. No request at all: a CSP forbids it and the data is inline.
 */
import { escapeHtml } from '../../../shared/story/caption-html.js';
import { carriedPositions } from '../../../shared/story/step-print.js';
import { STEP_TRANSITION_CLASS, STEP_TRANSITION_MS, STEP_TRANSITION_PROPERTIES } from '../../../shared/style/stylesheet.js';
import type { StoryPublication } from '../stories/story-publication.js';
import { legend, loadAssets, pageHead, pageScripts, viewerElements } from './html.js';
import { sourcesSection, stepSection } from './story-sections.js';

/** What the viewer script reads: the elements and stylesheet as the HTML export has them, and each step's frame. */
export function storyViewerData({ story, graph }: StoryPublication) {
  const positions = carriedPositions(story.steps);
  const first = positions.find((p) => Object.keys(p).length > 0) ?? {};
  return {
    ...viewerElements({ ...graph, positions: first }),
    steps: story.steps.map((step, i) => ({ highlighted: step.highlighted, camera: step.camera, positions: positions[i] })),
    transition: { className: STEP_TRANSITION_CLASS, properties: STEP_TRANSITION_PROPERTIES, duration: STEP_TRANSITION_MS },
  };
}

export function writeStoryHtml(publication: StoryPublication): string {
  const { story, graph, footnotes, sources } = publication;
  const assets = loadAssets('story-viewer');
  const title = escapeHtml(story.title);
  const steps = story.steps.map((step, i) => stepSection(step, i, story.steps.length, footnotes)).join('\n');
  const colophon = `Version ${story.version} by ${story.author}, saved ${story.updatedAt.slice(0, 10)}; published ${new Date().toISOString().slice(0, 10)} from Threadline.`;
  return `${pageHead(story.title, assets.css, '<base target="_blank">\n')}<div class="stage" role="region" aria-label="The story, step by step">
<aside class="panel">
<p class="story-title">${title}</p>
<p class="progress" id="progress" aria-live="polite"></p>
<div id="current"></div>
<nav class="controls"><button id="prev" type="button">← Previous</button><button id="next" type="button">Next →</button></nav>
<p class="hint">Arrow keys or a click on the graph move between steps. <a href="#reading" target="_self">Read it as text</a></p>
</aside>
<div id="graph" role="img" aria-label="The story's graph; each step's text is below"></div>
</div>
<main id="reading">
<header><h1>${title}</h1>${story.summary ? `<p class="summary">${escapeHtml(story.summary)}</p>` : ''}<ul class="legend" aria-label="Legend">${legend(graph)}</ul></header>
${steps || '<p>This story has no steps yet.</p>'}
${sourcesSection(sources)}
<footer>${escapeHtml(colophon)}</footer>
</main>
${pageScripts('threadline-story', storyViewerData(publication), assets)}`;
}
