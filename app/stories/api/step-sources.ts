import type { QueryClient } from '@tanstack/react-query';
import type { StoryStep } from '../../../shared/contract';
import { citationsOf, parseCaption, type Citation } from '../../../shared/story/caption';
import { stepSources, type PrintSource } from '../../../shared/story/step-print';
import { ApiRequestError } from '../../api/client';
import { citationQuery, citedEvidence } from './use-citation';
import { sourceSummaryQuery } from './source-summary';

/** An edge, quote or source deleted since the story was saved is left out, as its footnote leaves it out. */
async function unlessGone<T>(answer: Promise<T>): Promise<T[]> {
  try {
    return [await answer];
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404) return [];
    throw err;
  }
}

/**
 * The sources a step's picture credits: those quoted by the evidence behind its highlighted edges and its caption's
 * citations (what its footnotes show), fetched through the same cached answers as the footnotes.
 */
export async function fetchStepSources(client: QueryClient, step: StoryStep, edgeIds: ReadonlySet<string>): Promise<PrintSource[]> {
  const citations = [...step.highlighted.filter((id) => edgeIds.has(id)).map((id): Citation => ({ kind: 'edge', id })), ...citationsOf(parseCaption(step.caption))];
  const unique = [...new Map(citations.map((c) => [`${c.kind}:${c.id}`, c])).values()];
  const answers = (await Promise.all(unique.map((c) => unlessGone(client.fetchQuery(citationQuery(c)))))).flat();
  const evidence = answers.flatMap((answer) => citedEvidence(answer).evidence);
  const ids = [...new Set(evidence.flatMap((e) => (e.source ? [e.source.id] : [])))];
  const details = (await Promise.all(ids.map((id) => unlessGone(client.fetchQuery(sourceSummaryQuery(id)))))).flat();
  return stepSources(evidence, new Map(details.map(({ source: s }) => [s.id, { id: s.id, title: s.title, publisher: s.publisher, url: s.url, publishedAt: s.publishedAt }])));
}
