/**
 * The JavaScript a browser loads before it can draw the first canvas: the entry module of the built index.html
 * and every chunk it modulepreloads (Vite lists the entry's static imports there); lazy chunks are left out.
 * Built with the project's vite.config.ts into a temporary folder (dist/ is left alone), sized gzipped (level 9).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BundleFigures {
  initialGzipKb: number;
  initialRawKb: number;
  /** The initial files and their gzipped sizes (KB), largest first. */
  files: { file: string; gzipKb: number }[];
  /** Every other JavaScript chunk (loaded later, on demand), gzipped KB in all. */
  lazyGzipKb: number;
  /** The force-layout chunk: fetched beside the first overview request, which the first laid-out view waits for too. */
  firstLayoutGzipKb: number;
  /** The npm packages any chunk, initial or lazy, holds code from (the bench's own, like sigma, must not be there). */
  packages: string[];
}

/** Paths of the scripts index.html loads up front: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    if (tag.startsWith('<script') && attr('type') === 'module' && attr('src')) found.add(attr('src')!);
    if (tag.startsWith('<link') && attr('rel') === 'modulepreload' && attr('href')) found.add(attr('href')!);
  }
  return [...found];
}

/** The npm package names in a list of module ids (`…/node_modules/@scope/name/…` gives `@scope/name`). */
export function packagesOf(moduleIds: string[]): string[] {
  const names = moduleIds.map((id) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1]).filter((name): name is string => !!name);
  return [...new Set(names)].sort();
}

export function measureBuilt(outDir: string, allJs: string[], packages: string[] = []): BundleFigures {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const size = (file: string) => {
    const bytes = readFileSync(path.join(outDir, file.replace(/^\//, '')));
    return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const initial = initialScripts(html).map((file) => ({ file: file.replace(/^\//, ''), ...size(file) }));
  const initialSet = new Set(initial.map((f) => f.file));
  const lazyFiles = allJs.filter((f) => !initialSet.has(f));
  const lazy = lazyFiles.map((f) => size(f).gzip);
  const firstLayout = lazyFiles.filter((f) => /cytoscape-fcose/.test(f)).map((f) => size(f).gzip);
  return {
    initialGzipKb: initial.reduce((sum, f) => sum + f.gzip, 0),
    initialRawKb: initial.reduce((sum, f) => sum + f.raw, 0),
    files: initial.map((f) => ({ file: f.file, gzipKb: f.gzip })).sort((a, b) => b.gzipKb - a.gzipKb),
    lazyGzipKb: lazy.reduce((sum, kb) => sum + kb, 0),
    firstLayoutGzipKb: firstLayout.reduce((sum, kb) => sum + kb, 0),
    packages,
  };
}

export async function measureBundle(): Promise<BundleFigures> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'threadline-bench-bundle-'));
  try {
    const output = await build({ configFile: path.join(REPO, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const outputs = (Array.isArray(output) ? output : [output]) as { output?: { fileName: string; type: string; moduleIds?: string[] }[] }[];
    const chunks = outputs.flatMap((o) => o.output ?? []).filter((o) => o.type === 'chunk');
    return measureBuilt(outDir, chunks.map((o) => o.fileName), packagesOf(chunks.flatMap((o) => o.moduleIds ?? [])));
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
