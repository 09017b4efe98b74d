import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SetupError } from '../setup-error.js';

const run = promisify(execFile);

async function versionOutput(command: string, args: string[]): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(command, args, { timeout: 60_000 });
    return `${stdout}\n${stderr}`;
  } catch (err) {
    const e = err as { code?: string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') return null;
    return `${e.stdout ?? ''}\n${e.stderr ?? ''}`;
  }
}

/** Parses `java -version` output ("17.0.15", "1.8.0_392", "21") into its feature release number. */
export function javaMajor(output: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

const ALTERNATIVE = 'Alternatively, set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a Neo4j server you already run.';

export async function requireJava17(): Promise<void> {
  const output = await versionOutput('java', ['-version']);
  if (output === null) {
    throw new SetupError(`Java 17 or newer is needed to run the local Neo4j, and no "java" was found on PATH.\n${ALTERNATIVE}`);
  }
  const major = javaMajor(output);
  if (major === null || major < 17) {
    throw new SetupError(
      `Java 17 or newer is needed to run the local Neo4j; found ${major === null ? 'an unrecognised version' : `Java ${major}`}.\n${ALTERNATIVE}`,
    );
  }
}

export async function requireMaven(): Promise<void> {
  const output = await versionOutput('mvn', ['-v']);
  if (output === null || !/Apache Maven/.test(output)) {
    throw new SetupError(`Maven 3.8+ ("mvn") is needed to fetch Neo4j from Maven Central, and none was found on PATH.\n${ALTERNATIVE}`);
  }
}
