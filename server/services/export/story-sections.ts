/**
 * The text of a published story as HTML strings: one section per step (title, a place for its picture, the caption
 * and its footnotes) and the sources list. Every text and attribute value is escaped here or by captionHtml; the
 * only links to elsewhere are caption links the parser let through and http(s) source addresses.
 */
import type { Evidence, StoryStep } from '../../../shared/contract/index.js';
import { confidenceLabel } from '../../../shared/model/confidence-labels.js';
import { captionHtml, escapeHtml, footnoteAnchor } from '../../../shared/story/caption-html.js';
import { citationsOf, parseCaption } from '../../../shared/story/caption.js';
import type { Footnote, PublishedSource } from '../stories/story-publication.js';

function quoteHtml(e: Evidence): string {
  const source = e.source ? ` · ${escapeHtml(e.source.name ?? e.source.id)}${e.source.publisher ? `, ${escapeHtml(e.source.publisher)}` : ''}` : '';
  const quote = e.quote ? `<blockquote>“${escapeHtml(e.quote)}”</blockquote>` : '';
  return `<figure class="quote">${quote}<figcaption>${escapeHtml(e.attribution)} · <span class="confidence confidence-${escapeHtml(e.confidence)}">${escapeHtml(confidenceLabel(e.confidence))}</span>${source}</figcaption></figure>`;
}

function footnoteHtml(anchor: string, note: Footnote | undefined): string {
  const reading = note?.reading ? `<p class="reading">${escapeHtml(note.reading)}</p>` : '';
  const quotes = note?.evidence.length ? note.evidence.map(quoteHtml).join('') : '<p class="missing">No quote behind this yet.</p>';
  return `<li id="${escapeHtml(anchor)}">${reading}${quotes}</li>`;
}

export function stepSection(step: StoryStep, index: number, count: number, footnotes: Record<string, Footnote>): string {
  const blocks = parseCaption(step.caption);
  const notes = citationsOf(blocks).map((c, i) => footnoteHtml(footnoteAnchor(step.id, i + 1), footnotes[c.id]));
  const title = escapeHtml(step.title || `Step ${index + 1}`);
  return `<section class="step" id="${escapeHtml(step.id)}" aria-labelledby="${escapeHtml(step.id)}-title">
<h2 id="${escapeHtml(step.id)}-title"><span class="step-number">${index + 1} / ${count}</span> ${title}</h2>
<figure class="picture"><img alt="The graph at step ${index + 1}: ${title}"></figure>
<div class="caption">${captionHtml(blocks, step.id)}</div>
${notes.length ? `<ol class="footnotes" aria-label="Sources of step ${index + 1}">${notes.join('')}</ol>` : ''}
</section>`;
}

export function sourcesSection(sources: readonly PublishedSource[]): string {
  const items = sources.map((s) => {
    const publisher = s.publisher ? ` — ${escapeHtml(s.publisher)}` : '';
    const url = s.url ? `<br><a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.url)}</a>` : '';
    return `<li><strong>${escapeHtml(s.name)}</strong>${publisher}${url}</li>`;
  });
  return `<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">Sources</h2>${items.length ? `<ol>${items.join('')}</ol>` : '<p>No sources are quoted.</p>'}</section>`;
}
