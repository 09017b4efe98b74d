/**
 * Where existing entities' names and aliases occur in a text, case- and accent-insensitive, on word boundaries.
 * One pass over the text's words: names are keyed by their first word, so each word costs one map lookup and the
 * whole pass O(words + names); no name is searched for on its own.
 */
import { words, wordsWithOffsets } from './fold.js';

export interface NamedEntity { id: string; kind: string; names: string[] }
export interface Mention { start: number; end: number; nodeId: string; name: string; kind: string }

interface Candidate { words: string[]; name: string; entity: NamedEntity }

export function findMentions(text: string, entities: readonly NamedEntity[]): Mention[] {
  const byFirstWord = new Map<string, Candidate[]>();
  for (const entity of entities) {
    for (const name of entity.names) {
      const nameWords = words(name);
      if (nameWords.length === 0) continue;
      const list = byFirstWord.get(nameWords[0]!) ?? [];
      list.push({ words: nameWords, name, entity });
      byFirstWord.set(nameWords[0]!, list);
    }
  }
  const textWords = wordsWithOffsets(text);
  const mentions: Mention[] = [];
  for (let i = 0; i < textWords.length; i++) {
    for (const candidate of byFirstWord.get(textWords[i]!.word) ?? []) {
      if (!candidate.words.every((w, k) => textWords[i + k]?.word === w)) continue;
      const last = textWords[i + candidate.words.length - 1]!;
      mentions.push({ start: textWords[i]!.start, end: last.end, nodeId: candidate.entity.id, name: candidate.name, kind: candidate.entity.kind });
    }
  }
  return mentions;
}
