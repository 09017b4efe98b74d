import { createHash } from 'node:crypto';
import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import type { Node, Path, Relationship } from 'neo4j-driver';
import type { Graph, WireEdge, WireNode } from '../../shared/contract/index.js';
import type { Database } from './neo4j.js';
import { CREATED_BY_IMPORT } from '../../shared/model/graph-model.js';

/** A source's full text, its earlier versions and their history are too heavy for the canvas; they have their own endpoints. */
const SOURCE_TEXT_KEYS: ReadonlySet<string> = new Set(['text', 'earlierTexts', 'corrections']);
const isHeavy = (labels: readonly string[], key: string) => SOURCE_TEXT_KEYS.has(key) && labels.includes('Source');

/** The stable id of a node: its `id` property; a node without one gets an opaque hash, never the internal id. */
/** A list property as strings (lists are stored as lists of strings; anything else has none). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function stableNodeId(node: Node): string {
  const id = node.properties.id;
  if (typeof id === 'string') return id;
  return anonNodeId(node.elementId);
}

function stableEdgeId(rel: Relationship): string {
  const id = rel.properties.id;
  if (typeof id === 'string') return id;
  return `anon-rel:${createHash('sha1').update(rel.elementId).digest('hex').slice(0, 12)}`;
}

/** The stable id of a node known by its element id, when known. */
export type NodeIdOf = (elementId: string) => string | undefined;

const anonNodeId = (elementId: string) => `anon:${createHash('sha1').update(elementId).digest('hex').slice(0, 12)}`;

/**
 * Any Neo4j value as plain JSON: temporal values as ISO strings, integers as numbers, graph values as wire objects
 * (a relationship's ends by `nodeIdOf`, falling back to an opaque id; a path as `{nodes, edges}`).
 */
export function toPlain(value: unknown, nodeIdOf: NodeIdOf = () => undefined): unknown {
  if (value === null || value === undefined) return null;
  // Most property values are plain; the driver's type tests below cost more than the rest of the conversion.
  if (typeof value !== 'object') return value;
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) return { srid: value.srid, x: value.x, y: value.y, z: value.z };
  if (isNode(value)) return toWireNode(value);
  if (isRelationship(value)) return relationshipToWire(value, nodeIdOf);
  if (isPath(value)) return pathToPlain(value);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, nodeIdOf));
  if (typeof value === 'object') {
    // Property maps (`properties(n)`, exports) leave the import bookkeeping out, as the wire does.
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== CREATED_BY_IMPORT);
    return Object.fromEntries(entries.map(([k, v]) => [k, toPlain(v, nodeIdOf)]));
  }
  return value;
}

function relationshipToWire(rel: Relationship, nodeIdOf: NodeIdOf): WireEdge {
  const end = (elementId: string) => nodeIdOf(elementId) ?? anonNodeId(elementId);
  return toWireEdge(rel, end(rel.startNodeElementId), end(rel.endNodeElementId));
}

/** A path in a table cell: its nodes in order, and its relationships (ends as in the path, whatever the direction). */
function pathToPlain(path: Path): Graph {
  const nodes = [toWireNode(path.start), ...path.segments.map((s) => toWireNode(s.end))];
  const edges = path.segments.map((s) => {
    const forward = s.relationship.startNodeElementId === s.start.elementId;
    const [from, to] = forward ? [s.start, s.end] : [s.end, s.start];
    return toWireEdge(s.relationship, stableNodeId(from), stableNodeId(to));
  });
  return { nodes, edges };
}

function plainProperties(properties: Record<string, unknown>, labels: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id' || key === CREATED_BY_IMPORT) continue;
    if (isHeavy(labels, key) && typeof value === 'string') {
      out[`${key}Length`] = value.length;
      continue;
    }
    out[key] = toPlain(value);
  }
  return out;
}

export function toWireNode(node: Node): WireNode {
  return { id: stableNodeId(node), labels: [...node.labels], properties: plainProperties(node.properties, node.labels) };
}

export function toWireEdge(rel: Relationship, source: string, target: string): WireEdge {
  return { id: stableEdgeId(rel), type: rel.type, source, target, properties: plainProperties(rel.properties) };
}

/**
 * Walks any record values (nodes, relationships, paths, inside lists and maps) and gathers them into one graph.
 * A relationship whose end nodes were not among the values is left out: the wire model has no dangling edges.
 */
export class GraphCollector {
  private readonly nodes = new Map<string, Node>();
  private readonly rels = new Map<string, Relationship>();

  add(value: unknown): this {
    if (value === null || value === undefined) return this;
    if (isNode(value)) this.nodes.set(value.elementId, value);
    else if (isRelationship(value)) this.rels.set(value.elementId, value);
    else if (isPath(value)) {
      for (const segment of value.segments) {
        this.add(segment.start).add(segment.relationship).add(segment.end);
      }
      this.add(value.start);
    } else if (Array.isArray(value)) value.forEach((v) => this.add(v));
    else if (typeof value === 'object' && !isInt(value) && value.constructor === Object) {
      Object.values(value as Record<string, unknown>).forEach((v) => this.add(v));
    }
    return this;
  }

  /** Element ids of relationship ends that are not in the collection (to fetch them, if wanted). */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const rel of this.rels.values()) {
      if (!this.nodes.has(rel.startNodeElementId)) missing.add(rel.startNodeElementId);
      if (!this.nodes.has(rel.endNodeElementId)) missing.add(rel.endNodeElementId);
    }
    return [...missing];
  }

  /**
   * Fetches the end nodes of relationships whose ends were not among the values (second read, by element id),
   * so those edges are kept. `accept` can leave some nodes out (their edges are then dropped).
   */
  async addMissingEndpoints(db: Database, accept: (node: Node) => boolean = () => true): Promise<this> {
    const ids = this.missingEndpoints();
    if (ids.length === 0) return this;
    const result = await db.read((tx) => tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids }));
    for (const record of result.records) {
      const node = record.get('n') as Node;
      if (accept(node)) this.add(node);
    }
    return this;
  }

  /** `toPlain` with relationship ends named by the nodes collected so far. */
  toPlain(value: unknown): unknown {
    return toPlain(value, (elementId) => {
      const node = this.nodes.get(elementId);
      return node && stableNodeId(node);
    });
  }

  toGraph(): Graph {
    const nodes = [...this.nodes.values()].map(toWireNode);
    const edges: WireEdge[] = [];
    for (const rel of this.rels.values()) {
      const start = this.nodes.get(rel.startNodeElementId);
      const end = this.nodes.get(rel.endNodeElementId);
      if (start && end) edges.push(toWireEdge(rel, stableNodeId(start), stableNodeId(end)));
    }
    return { nodes, edges };
  }
}
