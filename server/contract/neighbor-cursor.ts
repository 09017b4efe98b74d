/**
 * The neighbour-page cursor: the sort key of the last row served (relationship id, then neighbour id),
 * as base64url JSON. Opaque to clients; works in Node and in browsers.
 */
export interface NeighborCursor {
  edgeId: string;
  nodeId: string;
}

export function encodeNeighborCursor({ edgeId, nodeId }: NeighborCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([edgeId, nodeId]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The cursor, or null when `value` is not one this API produced. */
export function decodeNeighborCursor(value: string): NeighborCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length > 2000) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [edgeId, nodeId] = parsed as unknown[];
    if (typeof edgeId !== 'string' || typeof nodeId !== 'string') return null;
    return { edgeId, nodeId };
  } catch {
    return null;
  }
}
