import type { QueryLimits } from './services/queries/cypher-runner.js';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const boltUri = z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must start with bolt://, neo4j://, bolt+s:// or neo4j+s://');
const password = z.string().min(8, 'must be at least 8 characters');

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  NEO4J_URI: boltUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: password.optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_BOLT_PORT: port.default(7687),
  /** The login database (users, sessions, API tokens), never the content one; by default the local Neo4j runs it. */
  AUTH_NEO4J_URI: boltUri.optional(),
  AUTH_NEO4J_USER: z.string().min(1).default('neo4j'),
  AUTH_NEO4J_PASSWORD: password.optional(),
  AUTH_NEO4J_DATABASE: z.string().min(1).optional(),
  AUTH_NEO4J_BOLT_PORT: port.default(7688),
  NEO4J_DATA_DIR: z.string().min(1).default('.data'),
  NEO4J_PAGE_CACHE_MB: z.coerce.number().int().min(16).default(512),
  NEO4J_HEAP_MB: z.coerce.number().int().min(256).default(1024),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  QUERY_ROW_CAP: z.coerce.number().int().min(1).default(5_000),
  QUERY_BYTE_CAP: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  QUERY_CONCURRENCY_PER_USER: z.coerce.number().int().min(1).default(2),
  QUERY_CONCURRENCY_TOTAL: z.coerce.number().int().min(1).default(4),
  AUTH: z.enum(['auto', 'on', 'off']).default('auto'),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  TRUST_PROXY: z.string().optional(),
  RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(6_000),
  RATE_LIMIT_USER_PER_MIN: z.coerce.number().int().min(0).default(3_000),
  LOGIN_ATTEMPTS_PER_MIN: z.coerce.number().int().min(0).default(10),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof EnvSchema>;

/** The bounds on analyst Cypher (saved and ad-hoc queries), as the query services take them. */
export function queryLimits(config: Config): QueryLimits {
  return {
    timeoutMs: config.QUERY_TIMEOUT_MS,
    rowCap: config.QUERY_ROW_CAP,
    byteCap: config.QUERY_BYTE_CAP,
    perUser: config.QUERY_CONCURRENCY_PER_USER,
    total: config.QUERY_CONCURRENCY_TOTAL,
  };
}

/** Reads and validates the environment once, at start-up; throws a readable list of what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
