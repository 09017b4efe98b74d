/**
 * A story may only point at what exists: its nodes and edges in the content graph, each step's highlight and
 * positions among the story's own elements, and every caption citation at an edge or a (not retracted) quote.
 * Every problem is named with where it is, in one 400.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { StoryContent } from '../../../shared/contract/index.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
import { citationsOf, parseCaption } from '../../../shared/story/caption.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { findEdges } from '../edge-lookup.js';

const unknown = (what: string, ids: readonly string[]) => `${what} not in the graph: ${ids.join(', ')}`;

export async function checkStoryReferences(tx: ManagedTransaction, story: StoryContent): Promise<void> {
  const details: ErrorDetail[] = [];
  const citations = story.steps.map((step) => citationsOf(parseCaption(step.caption)));
  const citedEdges = citations.flat().filter((c) => c.kind === 'edge').map((c) => c.id);
  const citedQuotes = citations.flat().filter((c) => c.kind === 'evidence').map((c) => c.id);

  const nodes = await existing(tx, `MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $ids RETURN n.id AS id`, story.elements.nodes);
  const edges = new Set((await findEdges(tx, [...story.elements.edges, ...citedEdges])).map((e) => e.rel.properties.id as string));
  const quotes = await existing(tx, `MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids AND e.retractedAt IS NULL RETURN e.id AS id`, citedQuotes);

  const missingNodes = story.elements.nodes.filter((id) => !nodes.has(id));
  if (missingNodes.length) details.push({ where: 'body.elements.nodes', message: unknown('nodes', missingNodes) });
  const missingEdges = story.elements.edges.filter((id) => !edges.has(id));
  if (missingEdges.length) details.push({ where: 'body.elements.edges', message: unknown('edges', missingEdges) });

  const covered = new Set([...story.elements.nodes, ...story.elements.edges]);
  const drawnNodes = new Set(story.elements.nodes);
  story.steps.forEach((step, i) => {
    const where = `body.steps.${i}`;
    const outside = step.highlighted.filter((id) => !covered.has(id));
    if (outside.length) details.push({ where: `${where}.highlighted`, message: `not among the story's elements: ${outside.join(', ')}` });
    const unplaced = Object.keys(step.positions ?? {}).filter((id) => !drawnNodes.has(id));
    if (unplaced.length) details.push({ where: `${where}.positions`, message: `not among the story's nodes: ${unplaced.join(', ')}` });
    const badEdges = citations[i]!.filter((c) => c.kind === 'edge' && !edges.has(c.id)).map((c) => c.id);
    const badQuotes = citations[i]!.filter((c) => c.kind === 'evidence' && !quotes.has(c.id)).map((c) => c.id);
    if (badEdges.length) details.push({ where: `${where}.caption`, message: `cites ${unknown('edges', badEdges)}` });
    if (badQuotes.length) details.push({ where: `${where}.caption`, message: `cites ${unknown('quotes', badQuotes)}` });
  });

  if (details.length) throw new AppError('bad_request', `Invalid story: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`, details);
}

async function existing(tx: ManagedTransaction, query: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await tx.run(query, { ids: [...new Set(ids)] });
  return new Set(result.records.map((r) => r.get('id') as string));
}
