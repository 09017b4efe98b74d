/**
 * `npm run loadtest [-- --duration 60 --connections 50] [--soak]`: a mixed read workload (search, node details,
 * expand, a saved query) from many concurrent clients against loopback only, bounded in time; prints requests/s,
 * p50/p95/p99 latency and errors. `--soak` runs 10 minutes and samples the server's memory (RSS) every 30 s.
 * Against LOADTEST_URL (127.0.0.1/localhost only) when set; otherwise it starts its own server with its own local
 * Neo4j (data in .data/loadtest, seeded on first run), with rate limits off. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePorts } from '../free-port.js';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { isLoopbackHost } from '../../server/auth/access-mode.js';
import { buildWorkload, percentile, warmUp } from './workload.js';

const say = (m: string) => console.log(`[loadtest] ${m}`);

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    soak: { type: 'boolean', default: false },
  },
});
const duration = values.soak ? 600 : Math.min(Math.max(Number(values.duration), 1), 3_600);
const connections = Math.min(Math.max(Number(values.connections), 1), 1_000);

async function ownServer(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const [port, boltPort, loginBoltPort] = (await freePorts(3)) as [number, number, number];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    NEO4J_DATA_DIR: path.resolve('.data/loadtest'),
    NEO4J_BOLT_PORT: String(boltPort),
    AUTH_NEO4J_BOLT_PORT: String(loginBoltPort),
    RATE_LIMIT_PER_MIN: '0',
    RATE_LIMIT_USER_PER_MIN: '0',
    // One user on many connections: the per-user caps are off, like the rate limits.
    QUERY_CONCURRENCY_PER_USER: '1000',
    QUERY_CONCURRENCY_TOTAL: '1000',
    LOG_LEVEL: 'warn',
  };
  delete env.NEO4J_URI;
  say('Starting a server with its own Neo4j (data in .data/loadtest)...');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (/Threadline is running/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

async function main(): Promise<void> {
  const given = process.env.LOADTEST_URL;
  if (given && !isLoopbackHost(new URL(given).hostname)) throw new Error(`LOADTEST_URL must be on this machine (127.0.0.1 or localhost), not ${given}`);
  const server = given ? { url: given.replace(/\/$/, ''), pid: 0, stop: async () => {} } : await ownServer();
  try {
    const requests = await buildWorkload(server.url);
    await warmUp(server.url, requests);
    say(`${requests.length} distinct requests, ${connections} connections, ${duration} s against ${server.url}`);
    const samples: string[] = [];
    const sampler = server.pid && values.soak ? setInterval(() => samples.push(`${samples.length * 30}s ${rssMb(server.pid)} MB`), 30_000) : undefined;
    if (server.pid) samples.push(`0s ${rssMb(server.pid)} MB`);
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: server.url, connections, duration, requests, timeout: 20 }, (err, res) => (err ? reject(err) : resolve(res)));
      instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
    clearInterval(sampler);
    if (server.pid) samples.push(`end ${rssMb(server.pid)} MB`);
    latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log('');
    console.log(`requests      ${result.requests.total} in ${result.duration} s`);
    console.log(`requests/s    ${Math.round(result.requests.average)}`);
    console.log(`latency p50   ${percentile(latencies, 50).toFixed(1)} ms`);
    console.log(`latency p95   ${percentile(latencies, 95).toFixed(1)} ms`);
    console.log(`latency p99   ${percentile(latencies, 99).toFixed(1)} ms`);
    console.log(`errors        ${errors} (${result.errors} connection, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`);
    if (samples.length) console.log(`server RSS    ${samples.join(', ')}`);
    console.log(`machine       ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    process.exitCode = errors > 0 ? 1 : 0;
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[loadtest] ${(err as Error).message}`);
  process.exit(1);
});
