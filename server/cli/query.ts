/**
 * `npm run query -- "<name or id>" [--param key=value ...] [--format table|csv|json]`: runs a saved query against
 * the configured Neo4j with the same checks and limits as the API. `npm run query -- --list` lists the library.
 * The result goes to stdout; progress and errors to stderr; the exit code is 0 on success, 1 on error, 2 on misuse.
 */
import { parseArgs } from 'node:util';
import { loadConfig, queryLimits } from '../config.js';
import { connectConfigured } from '../db/connect-configured.js';
import { AppError } from '../errors.js';
import { runSavedQuery } from '../services/queries/saved-queries.js';
import { findQuery, listQueries } from '../services/queries/saved-query-store.js';
import { describeType } from '../services/queries/param-validation.js';
import { SetupError } from '../setup-error.js';
import { describeRun, FORMATS, formatResult, type Format } from './result-format.js';

const say = (message: string) => console.error(`[query] ${message}`);

const USAGE = `Usage: npm run query -- "<name or id>" [--param key=value ...] [--format table|csv|json]
       npm run query -- --list`;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      param: { type: 'string', short: 'p', multiple: true, default: [] },
      format: { type: 'string', short: 'f', default: 'table' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!FORMATS.includes(values.format as Format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${values.format}`);
  if (!values.list && !values.help && positionals.length !== 1) throw new UsageError('Name exactly one saved query (its name or id), in quotes if it has spaces.');
  const params: Record<string, string> = {};
  for (const pair of values.param) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new UsageError(`--param takes key=value, not "${pair}"`);
    params[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return { query: positionals[0] ?? '', params, format: values.format as Format, list: values.list, help: values.help };
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const limits = queryLimits(config);
  const connected = await connectConfigured(config, say, { attach: true });
  try {
    if (args.list) {
      for (const q of await listQueries(connected.db, {})) {
        const params = q.parameters.map((p) => `${p.name}${p.required ? '' : '?'}: ${p.type}`).join(', ');
        console.log(`${q.id}\t${q.name}${params ? `\t(${params})` : ''}`);
      }
      return 0;
    }
    const query = await findQuery(connected.db, args.query);
    if (!query) throw new AppError('not_found', `No saved query named or with the id "${args.query}". List them with: npm run query -- --list`);
    const result = await runSavedQuery(connected.db, query, args.params, limits);
    process.stdout.write(formatResult(result, args.format));
    say(`${query.name}: ${describeRun(result.summary)}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.details.some((d) => d.where.startsWith('params.'))) {
      const query = await findQuery(connected.db, args.query);
      const declared = query?.parameters.map((p) => `  --param ${p.name}=...  ${describeType(p.type)}${p.required ? ', required' : ''}${p.help ? `: ${p.help}` : ''}`);
      if (declared?.length) throw new AppError(err.code, `${err.message}\nParameters of "${query!.name}":\n${declared.join('\n')}`);
    }
    throw err;
  } finally {
    await connected.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`[query] ${(err as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    const known = err instanceof AppError || err instanceof SetupError || (err instanceof Error && err.message.startsWith('Invalid configuration'));
    console.error(`[query] ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    process.exit(1);
  },
);
