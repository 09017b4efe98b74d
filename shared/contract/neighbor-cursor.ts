/**
 * The neighbour-page cursor: the sort key of the last row served (relationship id, then neighbour id),
 * as base64url JSON. Opaque to clients; works in Node and in browsers.
 */
import { fromBase64Url, toBase64Url } from '../text/base64url.js';

export interface NeighborCursor {
  edgeId: string;
  nodeId: string;
}

export function encodeNeighborCursor({ edgeId, nodeId }: NeighborCursor): string {
  return toBase64Url(JSON.stringify([edgeId, nodeId]));
}

/** The cursor, or null when `value` is not one this API produced. */
export function decodeNeighborCursor(value: string): NeighborCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length > 2000) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [edgeId, nodeId] = parsed as unknown[];
    if (typeof edgeId !== 'string' || typeof nodeId !== 'string') return null;
    return { edgeId, nodeId };
  } catch {
    return null;
  }
}
