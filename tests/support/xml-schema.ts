/** Validates exported XML against the vendored GraphML and GEXF schemas (tests/fixtures/xsd) with the JDK's validator. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const SCHEMAS = { graphml: 'tests/fixtures/xsd/graphml.xsd', gexf: 'tests/fixtures/xsd/gexf.xsd' } as const;
const VALIDATOR = 'tests/support/xml-schema/Validate.java';

/** `valid`, or the validator's first error (`line L, column C: cvc-…`). */
export async function validateXml(format: keyof typeof SCHEMAS, xml: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-xsd-'));
  try {
    const file = path.join(dir, `export.${format}`);
    await writeFile(file, xml);
    const { stdout } = await promisify(execFile)('java', [VALIDATOR, SCHEMAS[format], file]).catch((err: { stdout?: string; stderr?: string }) => ({
      stdout: err.stdout || err.stderr || String(err),
    }));
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
