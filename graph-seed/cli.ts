/** `npm run seed [-- file ...]`: loads seed files (default: the shipped ones) into the configured Neo4j. */
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { connectConfigured } from '../server/db/connect-configured.js';
import { SetupError } from '../server/setup-error.js';
import { defaultSeedFiles } from './index.js';
import { loadSeedFiles } from './load.js';
import { SeedError } from './prepare.js';

const say = (message: string) => console.log(`[seed] ${message}`);

async function main(): Promise<number> {
  const files = process.argv.slice(2).map((f) => path.resolve(f));
  const connected = await connectConfigured(loadConfig(), say, { attach: true });
  try {
    const summary = await loadSeedFiles(connected.db, files.length ? files : defaultSeedFiles(), say);
    say(`Loaded ${summary.nodes} nodes, ${summary.edges} relationships, ${summary.evidence} evidence quotes in ${summary.ms} ms.`);
    return 0;
  } finally {
    await connected.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof SeedError || err instanceof SetupError;
    console.error(`[seed] ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    console.error('[seed] Nothing was written.');
    process.exit(1);
  },
);
