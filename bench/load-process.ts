/**
 * The load's clients in a process of their own (issue 16), so that the side measured is one process against
 * Neo4j with nothing else charged to its CPU: `http` runs keep-alive HTTP clients against the API, `driver` runs
 * sessions replaying recorded Cypher through a neo4j-driver of this process's own (its defaults, as an
 * application calling the driver directly has them). `startLoadProcess` forks this file under tsx; each job is
 * sent over IPC and its figures come back the same way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connect, type Database, type Neo4jConnection } from '../server/db/neo4j.js';
import { recordingsFromJson, replay } from './driver-baseline.js';
import { httpClient } from './http-client.js';
import type { HttpRequest } from './operations.js';
import { underLoad, type ThroughputFigures } from './under-load.js';

interface Load {
  clients: number;
  /** Items 0 … count-1 are sent (at most); a warm-up sends the first ones. */
  count: number;
  maxSeconds: number;
}

export type LoadJob =
  | (Load & { kind: 'http'; baseUrl: string; requests: HttpRequest[] })
  /** `recordings`: recordingsToJson of each item's transactions. */
  | (Load & { kind: 'driver'; connection: Neo4jConnection; recordings: string });

export interface LoadProcess {
  run(job: LoadJob): Promise<ThroughputFigures>;
  close(): void;
}

type Reply = { figures: ThroughputFigures } | { error: string };

export function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: { resolve(f: ThroughputFigures): void; reject(e: Error): void } | undefined;
  child.on('message', (reply: Reply) => {
    const p = pending;
    pending = undefined;
    if ('figures' in reply) p?.resolve(reply.figures);
    else p?.reject(new Error(`load process: ${reply.error}`));
  });
  child.on('exit', (code) => pending?.reject(new Error(`load process exited (${code}) before answering`)));
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        if (pending) return reject(new Error('load process: one job at a time'));
        pending = { resolve, reject };
        child.send(job);
      }),
    close: () => child.disconnect(),
  };
}

// Kept across jobs, so a warm-up leaves its connections open for the run measured.
const databases = new Map<string, Database>();
const clients = new Map<string, ReturnType<typeof httpClient>>();

async function runJob(job: LoadJob): Promise<ThroughputFigures> {
  const { count, maxSeconds } = job;
  if (job.kind === 'http') {
    const client = clients.get(job.baseUrl) ?? httpClient(job.baseUrl, job.clients);
    clients.set(job.baseUrl, client);
    return underLoad(count, job.clients, maxSeconds, async (i) => (await client.send(job.requests[i]!)).status < 400);
  }
  const key = JSON.stringify(job.connection);
  const db = databases.get(key) ?? connect(job.connection);
  databases.set(key, db);
  const recordings = recordingsFromJson(job.recordings);
  return underLoad(count, job.clients, maxSeconds, async (i) => {
    await replay(db, recordings[i]!);
    return true;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.on('message', (job: LoadJob) => {
    runJob(job).then(
      (figures) => process.send!({ figures } satisfies Reply),
      (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) } satisfies Reply),
    );
  });
  process.on('disconnect', () => {
    for (const client of clients.values()) client.close();
    void Promise.all([...databases.values()].map((db) => db.close())).finally(() => process.exit(0));
  });
}
