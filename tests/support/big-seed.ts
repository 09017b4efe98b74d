/** Writes a large seed file (a chain of people, each linked to the next) for tests that need a long import. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeBigSeed(dir: string, nodes: number): string {
  writeFileSync(path.join(dir, 'big.txt'), 'A generated article: this person knows the next one.\n');
  const seed = {
    version: 1,
    sources: [{ id: 'source:big-generated', textFile: 'big.txt', properties: { name: 'A generated article' } }],
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: `person:generated-${i}`, labels: ['Person'], properties: { name: `Generated person ${i}`, description: 'x'.repeat(200) } })),
    edges: Array.from({ length: nodes - 1 }, (_, i) => ({
      id: `rel:generated-${i}`,
      type: 'KNOWS',
      source: `person:generated-${i}`,
      target: `person:generated-${i + 1}`,
      evidence: [{ quote: 'this person knows the next one', source: 'source:big-generated', attribution: 'A generated article', confidence: 'fact' }],
    })),
  };
  const file = path.join(dir, 'big.json');
  writeFileSync(file, JSON.stringify(seed));
  return file;
}
