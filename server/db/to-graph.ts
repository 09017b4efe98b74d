import { createHash } from 'node:crypto';
import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import type { Node, Relationship } from 'neo4j-driver';
import type { Graph, WireEdge, WireNode } from '../contract/index.js';

/** A source's full text is too heavy for the canvas; it is served by its own endpoint. */
const isHeavy = (labels: readonly string[], key: string) => key === 'text' && labels.includes('Source');

/** The stable id of a node: its `id` property; a node without one gets an opaque hash, never the internal id. */
export function stableNodeId(node: Node): string {
  const id = node.properties.id;
  if (typeof id === 'string') return id;
  return `anon:${createHash('sha1').update(node.elementId).digest('hex').slice(0, 12)}`;
}

function stableEdgeId(rel: Relationship): string {
  const id = rel.properties.id;
  if (typeof id === 'string') return id;
  return `anon-rel:${createHash('sha1').update(rel.elementId).digest('hex').slice(0, 12)}`;
}

/** Any Neo4j value as plain JSON: temporal values as ISO strings, integers as numbers, graph values as wire objects. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toNumber();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) return { srid: value.srid, x: value.x, y: value.y, z: value.z };
  if (isNode(value)) return toWireNode(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

function plainProperties(properties: Record<string, unknown>, labels: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id') continue;
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
