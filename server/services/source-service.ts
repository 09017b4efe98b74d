import type { SourceText } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { toWireNode } from '../db/to-graph.js';
import { AppError } from '../errors.js';
import { readVersion } from './reporting/text-versions.js';

/** The stored text of a source (the current version, or an earlier one), which evidence `start`/`end` offsets point into. */
export async function sourceText(db: Database, id: string, version?: number): Promise<SourceText> {
  const read = await db.read((tx) => readVersion(tx, id, version));
  if (!read) throw new AppError('not_found', `No source with id ${id}`);
  if (read.text === null) throw new AppError('not_found', `Source ${id} has no stored text`);
  return { source: toWireNode(read.source), text: read.text, version: read.version };
}
