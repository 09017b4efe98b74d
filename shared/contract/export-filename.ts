/** Download names: `threadline-<title slug>-<date>.<ext>`, plain ASCII so every browser and shell keeps them. */
import type { ExportFormat } from './export.js';

export const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8' },
  csv: { extension: 'zip', contentType: 'application/zip' },
  cypher: { extension: 'cypher', contentType: 'text/plain; charset=utf-8' },
  html: { extension: 'html', contentType: 'text/html; charset=utf-8' },
  ftm: { extension: 'ftm.jsonl', contentType: 'application/x-ndjson; charset=utf-8' },
};

/** "Rubio’s deal: López & co." → "rubios-deal-lopez-co" (accents folded, at most 60 characters). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

export function exportFilename(title: string, format: ExportFormat, exportedAt: string): string {
  const name = slug(title).replace(/^threadline-?/, '');
  return `threadline${name ? `-${name}` : ''}-${exportedAt.slice(0, 10)}.${FILE_TYPES[format].extension}`;
}

/** The header value; the name is ASCII already, so the plain `filename=` form is enough. */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/["\\]/g, '')}"`;
}
