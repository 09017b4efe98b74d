/**
 * Everything a published story shows, gathered once from the graph: the story's latest version, its nodes and edges
 * with their evidence (the export's collector), the quotes behind every caption citation, and the sources of all
 * those quotes. The story file and the embed are both written from this alone, so neither makes a request later.
 */
import type { Evidence, Story } from '../../../shared/contract/index.js';
import { edgeLabel, ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { citationsOf, parseCaption, type Citation } from '../../../shared/story/caption.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { edgeDetails } from '../edge-service.js';
import { fetchEvidence } from '../evidence-service.js';
import { collectSubgraph, type ExportData } from '../export/collect-subgraph.js';
import { DEFAULT_LIMITS } from '../queries/cypher-runner.js';
import { getStory } from './story-store.js';

/** What a footnote shows: for an edge the sentence it stands for, and the quotes behind it. */
export interface Footnote {
  reading: string | null;
  evidence: Evidence[];
}

export interface PublishedSource {
  id: string;
  name: string;
  publisher: string | null;
  /** Only an http(s) address; anything else is left out rather than linked. */
  url: string | null;
}

export interface StoryPublication {
  story: Story;
  graph: ExportData;
  /** By citation id (`rel:…`, `evidence:…`). */
  footnotes: Record<string, Footnote>;
  /** Every source quoted by an element or a footnote, by name. */
  sources: PublishedSource[];
}

export async function storyPublication(db: Database, id: string): Promise<StoryPublication> {
  return publicationOf(db, await getStory(db, id));
}

/**
 * The public story's publication; a story that is not public (or shows what is gone) is answered as if it did not
 * exist, and is checked before anything else is gathered.
 */
export async function publicStoryPublication(db: Database, id: string): Promise<StoryPublication> {
  try {
    const story = await getStory(db, id);
    if (!story.public) throw notPublished(id);
    return await publicationOf(db, story);
  } catch (err) {
    throw err instanceof AppError && err.code === 'not_found' ? notPublished(id) : err;
  }
}

async function publicationOf(db: Database, story: Story): Promise<StoryPublication> {
  const graph = await collectSubgraph(db, { kind: 'ids', ids: story.elements.nodes, edgeIds: story.elements.edges }, { title: story.title, limits: DEFAULT_LIMITS });
  const citations = new Map(story.steps.flatMap((step) => citationsOf(parseCaption(step.caption))).map((c) => [c.id, c]));
  const footnotes = Object.fromEntries(await Promise.all([...citations.values()].map(async (c) => [c.id, await footnote(db, c)] as const)));
  const sourceIds = [...graph.evidence.map((e) => e.sourceId), ...Object.values(footnotes).flatMap((f) => f.evidence.map((e) => e.source?.id ?? ''))];
  return { story, graph, footnotes, sources: await sourcesOf(db, sourceIds) };
}

const notPublished = (id: string) => new AppError('not_found', `No public story ${id}`);

/** A citation whose edge or quote has gone since the story was saved shows as a footnote without quotes. */
async function footnote(db: Database, citation: Citation): Promise<Footnote> {
  try {
    // The quote alone (evidenceDetails would also gather all it supports); a retracted one is simply not found.
    if (citation.kind === 'evidence') return { reading: null, evidence: await db.read((tx) => fetchEvidence(tx, [citation.id])) };
    const { edge, sourceNode, targetNode, evidence } = await edgeDetails(db, citation.id);
    return { reading: `${String(sourceNode.properties.name ?? edge.source)} ${edgeLabel(edge.type)} ${String(targetNode.properties.name ?? edge.target)}`, evidence };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return { reading: null, evidence: [] };
    throw err;
  }
}

async function sourcesOf(db: Database, ids: readonly string[]): Promise<PublishedSource[]> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return [];
  const result = await db.read((tx) =>
    tx.run(`MATCH (s:${ENTITY_LABEL}:Source) WHERE s.id IN $ids RETURN s.id AS id, coalesce(s.name, s.id) AS name, s.publisher AS publisher, s.url AS url ORDER BY name`, { ids: wanted }),
  );
  return result.records.map((r) => {
    const url = r.get('url');
    return { id: r.get('id'), name: String(r.get('name')), publisher: r.get('publisher') ?? null, url: typeof url === 'string' && /^https?:\/\/[^\s"'<>`]+$/i.test(url) ? url : null };
  });
}
