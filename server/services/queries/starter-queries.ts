/** The starter library (graph-seed/queries/*.yaml), added to the saved queries when missing. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { DEFAULT_LIMITS, type QueryLimits } from './cypher-runner.js';
import { createSavedQuery, parseQueryInput } from './saved-queries.js';
import { getQuery, idForName, slugify } from './saved-query-store.js';

export const STARTER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../graph-seed/queries');
export const STARTER_AUTHOR = 'threadline';

const StarterFileSchema = z.object({ version: z.literal(1), queries: z.array(z.unknown()) });

type StarterQuery = ReturnType<typeof parseQueryInput>;

/** Every query of the starter files, validated like a POST /api/queries body; throws naming the file and query. */
export function readStarterQueries(dir = STARTER_DIR): StarterQuery[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.flatMap((file) => {
    const raw = StarterFileSchema.parse(parseYaml(readFileSync(path.join(dir, file), 'utf8')));
    return raw.queries.map((q, i) => {
      try {
        return parseQueryInput(q);
      } catch (err) {
        throw new Error(`${file}: queries[${i}]: ${(err as Error).message}`);
      }
    });
  });
}

export interface StarterOptions {
  limits?: QueryLimits;
  dir?: string;
  /** Told about a starter that could not be added (the others still are); by default the error is thrown. */
  onSkip?: (message: string) => void;
}

/**
 * Adds each starter query whose id and name are both free (so an edited starter is left as it is);
 * returns the names added. A deleted starter comes back on the next start.
 */
export async function ensureStarterQueries(db: Database, options: StarterOptions = {}): Promise<string[]> {
  const { limits = DEFAULT_LIMITS, dir = STARTER_DIR, onSkip } = options;
  const added: string[] = [];
  for (const query of readStarterQueries(dir)) {
    if ((await getQuery(db, slugify(query.name))) || (await idForName(db, query.name))) continue;
    try {
      await createSavedQuery(db, query, STARTER_AUTHOR, limits);
      added.push(query.name);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const message = `Starter query "${query.name}" was not added: ${err.message}`;
      if (!onSkip) throw new Error(message, { cause: err });
      onSkip(message);
    }
  }
  return added;
}
