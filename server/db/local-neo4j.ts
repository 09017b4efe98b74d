import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SetupError } from '../setup-error.js';
import { requireJava17, requireMaven } from './toolchain.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LAUNCHER_DIR = path.join(REPO_ROOT, 'server/db/launcher');
const CACHE_DIR = path.join(REPO_ROOT, '.neo4j');
export const NEO4J_VERSION = '5.26.30';

export type Progress = (message: string) => void;

/** Beside the data: the generated passwords of the content and the login database. */
export const PASSWORD_FILE = 'neo4j-password';
export const LOGIN_PASSWORD_FILE = 'auth-neo4j-password';

export interface LocalNeo4jOptions {
  dataDir: string;
  host: string;
  port: number;
  pageCacheMb: number;
  heapMb: number;
  password?: string;
  /** Also run the login database (users, sessions, API tokens): a second DBMS in the same JVM, data in `<dataDir>/auth`. */
  login?: { port: number; password?: string };
  onProgress?: Progress;
}

export interface BoltCredentials {
  uri: string;
  user: string;
  password: string;
}

export interface LocalNeo4j extends BoltCredentials {
  /** Present when `login` was asked for. */
  login?: BoltCredentials;
  /** The content database's Neo4j home: its store is `data/databases/neo4j` there. */
  home: string;
  /** The classpath it runs with (the Neo4j jars and the launcher), for Neo4j's own tools. */
  classpath: string;
  stop(): Promise<void>;
  /**
   * Stops it, runs `work` while its files are free (the offline importer rewrites them), then starts it again on the
   * same ports with the same passwords, whether `work` succeeded or not: drivers already open reconnect by themselves.
   */
  whileStopped(work: () => Promise<void>): Promise<void>;
  /** Resolves when the process has exited, for whatever reason. Replaced on each restart. */
  exited: Promise<number | null>;
}

/** Fetches the pinned Neo4j jars from Maven Central and compiles the launcher, once. */
export async function installNeo4j(onProgress: Progress = () => {}): Promise<{ classpath: string }> {
  const libDir = path.join(CACHE_DIR, `lib-${NEO4J_VERSION}`);
  const classesDir = path.join(CACHE_DIR, 'classes');
  const complete = path.join(libDir, '.complete');
  await requireJava17();
  if (!existsSync(complete)) {
    await requireMaven();
    onProgress(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (first run only)...`);
    try {
      await run('mvn', ['-q', '-B', '-f', path.join(LAUNCHER_DIR, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`], {
        timeout: 10 * 60_000,
      });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new SetupError(`Maven could not fetch Neo4j ${NEO4J_VERSION}:\n${(e.stdout ?? '') + (e.stderr ?? '')}`.trim());
    }
    await writeFile(complete, new Date().toISOString());
  }
  const source = path.join(LAUNCHER_DIR, 'Neo4jLauncher.java');
  const compiled = path.join(classesDir, 'Neo4jLauncher.class');
  if (!existsSync(compiled) || (await stat(compiled)).mtimeMs < (await stat(source)).mtimeMs) {
    onProgress('Compiling the Neo4j launcher...');
    await mkdir(classesDir, { recursive: true });
    await run('javac', ['-d', classesDir, '-cp', `${libDir}/*`, source], { timeout: 120_000 });
  }
  return { classpath: `${libDir}/*${path.delimiter}${classesDir}` };
}

export async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new SetupError(`Port ${port} on ${host} is already in use. Stop what uses it, or set ${variable} to another port.`)
          : new SetupError(`Cannot listen on ${host}:${port} (${err.code}). Set ${variable} to another port.`),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** The password given, else one generated on first start and kept beside the data (mode 0600). */
async function resolvePassword(dataDir: string, fileName: string, given?: string): Promise<string> {
  if (given) return given;
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const progress = options.onProgress ?? (() => {});
  const { classpath } = await installNeo4j(progress);
  await assertPortFree(options.host, options.port, 'NEO4J_BOLT_PORT');
  if (options.login) await assertPortFree(options.host, options.login.port, 'AUTH_NEO4J_BOLT_PORT');
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const password = await resolvePassword(dataDir, PASSWORD_FILE, options.password);
  const login = options.login && {
    uri: `bolt://${options.host}:${options.login.port}`,
    user: 'neo4j',
    password: await resolvePassword(dataDir, LOGIN_PASSWORD_FILE, options.login.password),
  };

  progress(`Starting Neo4j ${NEO4J_VERSION} on bolt://${options.host}:${options.port} (data in ${dataDir})...`);
  if (login) progress(`  with the login database on ${login.uri} (data in ${path.join(dataDir, 'auth')})`);
  const child = spawn(
    'java',
    [
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      'Neo4jLauncher',
      path.join(dataDir, 'neo4j'),
      options.host,
      String(options.port),
      String(options.pageCacheMb),
      ...(options.login ? [path.join(dataDir, 'auth'), String(options.login.port)] : []),
    ],
    { env: { ...process.env, THREADLINE_NEO4J_PASSWORD: password, THREADLINE_AUTH_NEO4J_PASSWORD: login?.password ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntilReady(child, exited, progress);
  progress('Neo4j is ready.');

  const local: LocalNeo4j = {
    uri: `bolt://${options.host}:${options.port}`,
    user: 'neo4j',
    password,
    login,
    home: path.join(dataDir, 'neo4j'),
    classpath,
    exited,
    stop: () => stopChild(child, exited),
    whileStopped: async (work) => {
      await local.stop();
      try {
        await work();
      } finally {
        const again = await startLocalNeo4j({ ...options, password, login: options.login && { ...options.login, password: login?.password } });
        Object.assign(local, { exited: again.exited, stop: again.stop });
      }
    },
  };
  return local;
}

function waitUntilReady(child: ChildProcess, exited: Promise<number | null>, progress: Progress): Promise<void> {
  const started = Date.now();
  let output = '';
  return new Promise<void>((resolve, reject) => {
    const ticker = setInterval(() => progress(`  still starting Neo4j (${Math.round((Date.now() - started) / 1000)}s)...`), 5000);
    const done = (err?: Error) => {
      clearInterval(ticker);
      if (err) reject(err);
      else resolve();
    };
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('READY ')) done();
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    void exited.then((code) => {
      const tail = output.split('\n').slice(-15).join('\n');
      done(new SetupError(`Neo4j exited during start-up (code ${code}). Its last output:\n${tail}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
