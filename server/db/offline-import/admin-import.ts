/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, from neo4j-import-tool on the local Neo4j's
 * classpath) on a stopped local database, with the same Java, and passes on its stages as progress lines.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SetupError } from '../../setup-error.js';
import type { Progress } from '../local-neo4j.js';
import type { OfflineFiles } from './offline-rows.js';

const DEFAULT_READ_BUFFER = 4 << 20;
const TAIL_LINES = 25;

export interface ImportTarget {
  /** The Neo4j home of the (stopped) database: the store is `data/databases/neo4j` there. */
  home: string;
  classpath: string;
}

/** The command line: every file group (header first), the multi-line files named, and a read buffer the longest line (so any value) fits in. */
export function importArguments(files: OfflineFiles, workDir: string): string[] {
  const multiline = [...files.nodes, ...files.relationships].flatMap((g) => (g.multiline ? [g.multiline] : []));
  // File lists take any number of values: an option of one value must come between the last of them and the database name.
  return [
    'database', 'import', 'full',
    ...files.nodes.map((g) => `--nodes=${g.files.join(',')}`),
    ...files.relationships.map((g) => `--relationships=${g.files.join(',')}`),
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    '--overwrite-destination=true',
    '--array-delimiter=U+001F',
    `--read-buffer-size=${Math.max(DEFAULT_READ_BUFFER, files.longestLine * 4 + 1024)}`,
    `--report-file=${path.join(workDir, 'import.report')}`,
    'neo4j',
  ];
}

/** Stage starts, ends, each quarter of a stage, and the totals: the importer's own dotted lines are left out. */
function progressLine(line: string, stage: { name: string; said: Set<string> }): string | null {
  const start = /^\((\d\/\d)\) (.+?) \d{4}-/.exec(line);
  if (start) {
    stage.name = start[2]!;
    stage.said.clear();
    return `  ${start[1]} ${stage.name}...`;
  }
  const percent = /\s(25|50|75)% ∆/.exec(line)?.[1];
  if (percent && !stage.said.has(percent)) {
    stage.said.add(percent);
    return `  ${stage.name}: ${percent}%`;
  }
  if (/COMPLETED in|^IMPORT DONE|^\s+\d+ (nodes|relationships|properties)$/.test(line)) return `  ${line.trim()}`;
  return null;
}

export async function runAdminImport(target: ImportTarget, files: OfflineFiles, workDir: string, progress: Progress): Promise<void> {
  // The importer reads neo4j.conf from NEO4J_CONF; the defaults (data under NEO4J_HOME) are where the launcher keeps it.
  const confDir = path.join(workDir, 'conf');
  await mkdir(confDir, { recursive: true });
  await writeFile(path.join(confDir, 'neo4j.conf'), '');
  const child = spawn('java', ['-cp', target.classpath, 'org.neo4j.cli.AdminTool', ...importArguments(files, workDir)], {
    env: { ...process.env, NEO4J_HOME: target.home, NEO4J_CONF: confDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const stage = { name: '', said: new Set<string>() };
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    keep(line);
    const said = progressLine(line, stage);
    if (said) progress(said);
  });
  createInterface({ input: child.stderr }).on('line', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new SetupError(`Neo4j's offline importer failed (exit code ${code}). Its last output:\n${tail.join('\n')}`);
}
