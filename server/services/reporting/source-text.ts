/**
 * A source's content reduced to the plain text that is stored, quoted and never changed afterwards: HTML to its
 * readable article text (Readability on a jsdom document that runs no script and loads nothing), Markdown to its
 * words without markup, plain text as given. Paragraphs are separated by one blank line; line endings are `\n`.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import type { z } from 'zod';
import type { SourceFormatSchema } from '../../../shared/contract/reporting.js';

type SourceFormat = z.infer<typeof SourceFormatSchema>;

export function reduceToText(content: string, format: SourceFormat): string {
  const text = format === 'html' ? htmlToText(content) : format === 'markdown' ? markdownToText(content) : content;
  return normaliseLines(text);
}

const normaliseLines = (text: string) => text.replace(/\r\n?/g, '\n').trim();

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';

/** jsdom's defaults: `runScripts` off (scripts and `on*` handlers never run) and no resource loading (no network). */
export function htmlToText(html: string): string {
  const { document } = new JSDOM(html).window;
  const article = new Readability(document.cloneNode(true) as Document).parse();
  const root = article?.content ? new JSDOM(article.content).window.document.body : document.body;
  root.querySelectorAll('script, style, noscript, template, iframe, object, svg').forEach((el) => el.remove());
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const paragraphs = (blocks.length ? blocks : [root]).map((el) => collapse(el.textContent ?? '')).filter(Boolean);
  return paragraphs.join('\n\n');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Markdown without its markup: what a reader sees, so quotes taken from the rendered page are verbatim in it. */
export function markdownToText(markdown: string): string {
  const lines = normaliseLines(markdown).split('\n');
  const out: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(line);
      continue;
    }
    if (/^\s*([-*_]\s*){3,}$/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // rules, link definitions
    out.push(inline(line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').replace(/^\s*(>\s?)+/, '').replace(/^\s*([-*+]|\d+[.)])\s+/, '')));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    .replace(/(?<!\w)(__?)(?=\S)(.+?)(?<=\S)\1(?!\w)/g, '$2') // not inside snake_case words
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}
