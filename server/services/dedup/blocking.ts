/**
 * Blocking: only entities that share a key are compared, so finding candidates costs about the sum of the blocks'
 * squares instead of n². Keys are a name's identifying words (three letters or more), its words sorted (the same
 * name in any order), and each identifier. A key held by more than `MAX_BLOCK` entities ("verband", "holding") says
 * too little to compare them all: such a block is skipped, and its entities meet through their other keys.
 */
import type { DedupEntity } from './dedup-entity.js';
import { normaliseName } from './normalise-name.js';

const MAX_BLOCK = 200;

export function blockingKeys(entity: Pick<DedupEntity, 'family' | 'names' | 'identifiers'>): string[] {
  const keys = new Set<string>();
  for (const name of entity.names) {
    const { tokens } = normaliseName(name);
    for (const token of tokens) if (token.length >= 3) keys.add(`${entity.family}:word:${token}`);
    keys.add(`${entity.family}:sorted:${[...tokens].sort().join(' ')}`);
  }
  for (const identifier of entity.identifiers) keys.add(`${entity.family}:id:${identifier}`);
  return [...keys];
}

/** Each pair of entities that share a key, once, as [lower id, higher id]. */
export function candidatePairs<T extends Pick<DedupEntity, 'id' | 'family' | 'names' | 'identifiers'>>(entities: readonly T[]): [T, T][] {
  const blocks = new Map<string, T[]>();
  for (const entity of entities) {
    for (const key of blockingKeys(entity)) {
      const block = blocks.get(key);
      if (block) block.push(entity);
      else blocks.set(key, [entity]);
    }
  }
  const pairs = new Map<string, [T, T]>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [block[i]!, block[j]!].sort((x, y) => (x.id < y.id ? -1 : 1)) as [T, T];
        if (a.id !== b.id) pairs.set(`${a.id}\n${b.id}`, [a, b]);
      }
    }
  }
  return [...pairs.values()];
}
