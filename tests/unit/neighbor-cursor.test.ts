import { describe, expect, it } from 'vitest';
import { decodeNeighborCursor, encodeNeighborCursor, NeighborQuerySchema } from '../../shared/contract/index.js';

describe('neighbour cursors', () => {
  it('round-trip the sort key, including non-ASCII ids', () => {
    for (const cursor of [
      { edgeId: 'rel:rubio-agreed-to-cecot-deal', nodeId: 'deal:cecot-access-for-ms13-leaders' },
      { edgeId: 'rel:é–“x”', nodeId: 'person:césar' },
      { edgeId: '', nodeId: '' },
    ]) {
      const encoded = encodeNeighborCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeNeighborCursor(encoded)).toEqual(cursor);
    }
  });

  it('reject anything this API did not produce', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['', 'not a cursor', '!!!', 'a', b64('{"edgeId":"x"}'), b64('["x"]'), b64('["x", 1]'), b64('[1, "x"]'), b64('not json'), 'A'.repeat(2001)]) {
      expect(decodeNeighborCursor(bad), bad).toBeNull();
    }
  });

  it('are decoded by the query schema, which names the parameter when one is bad', () => {
    const cursor = encodeNeighborCursor({ edgeId: 'rel:a', nodeId: 'person:b' });
    expect(NeighborQuerySchema.parse({ cursor }).cursor).toEqual({ edgeId: 'rel:a', nodeId: 'person:b' });
    expect(NeighborQuerySchema.parse({}).cursor).toBeNull();
    const bad = NeighborQuerySchema.safeParse({ cursor: 'zzz' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['cursor']);
  });
});
