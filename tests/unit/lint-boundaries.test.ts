/**
 * `npm run lint` keeps the folders apart (eslint.config.js): each crossing import is an error, each allowed one is
 * not; so are Cytoscape outside app/graph and an Express router built by hand in server/routes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['app/explore/fixture.ts', "import { AppError } from '../../server/errors.js';"],
    ['app/fixture.ts', "export { connect } from '../server/db/neo4j.js';"],
    ['app/graph/fixture.ts', "import type { SeedFile } from '../../graph-seed/cli.js';"],
    ['server/services/fixture.ts', "import { stylesheet } from '../../app/graph/layouts.js';"],
    ['server/fixture.ts', "import '../graph-seed/cli.js';"],
    ['shared/contract/fixture.ts', "import { AppError } from '../../server/errors.js';"],
    ['shared/model/fixture.ts', "import { App } from '../../app/app.js';"],
    ['shared/text/fixture.ts', "import { readFileSync } from 'node:fs';"],
    ['app/explore/fixture.ts', "import cytoscape from 'cytoscape';"],
    ['server/routes/fixture.ts', "import { Router } from 'express';"],
  ])('refuses %s importing %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ['app/explore/fixture.ts', "import { GraphSchema } from '../../shared/contract';"],
    ['server/services/fixture.ts', "import { ENTITY_LABEL } from '../../shared/model/graph-model.js';"],
    ['server/db/fixture.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/style/fixture.ts', "import { kindOf } from '../model/graph-model.js';"],
    ['graph-seed/fixture.ts', "import { connect } from '../server/db/neo4j.js';"],
    ['app/graph/fixture.ts', "import cytoscape from 'cytoscape';"],
    ['server/routes/fixture.ts', "import type { Router } from 'express';"],
  ])('allows %s importing %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
