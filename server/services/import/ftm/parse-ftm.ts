/**
 * Reads FollowTheMoney JSON lines (one entity a line, as Aleph, OpenSanctions and nomenklatura write them) with
 * the FtM model's own parser, line by line. Every bad line is reported with its number and why.
 */
import type { Entity } from '@alephdata/followthemoney';
import { Problems, type ImportDocument } from '../import-document.js';
import { ftmModel } from './ftm-model.js';
import { mapEntity, type DatasetImport } from './map-entity.js';
import type { Line } from './read-lines.js';

export const FTM_NAME = 'FollowTheMoney';

/** The dataset's name: as given, else the file's name without its extension (`donations.ijson` → `donations`). */
export function datasetImport(given: { dataset?: string; filename?: string; by?: string }): DatasetImport {
  const file = given.filename ?? null;
  const dataset = given.dataset ?? file?.replace(/(\.ftm)?\.(jsonl?|ijson|ndjson)$/i, '') ?? 'dataset';
  return { dataset, file, importedAt: new Date().toISOString(), importedBy: given.by ?? 'local' };
}

/** The entity on a line, or why there is none. */
function parseLine(text: string): Entity | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
  const { id, schema, properties } = (raw ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) return 'is not a JSON object';
  if (typeof id !== 'string' || !id.trim()) return 'has no "id"';
  if (typeof schema !== 'string') return 'has no "schema"';
  if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) return '"properties" is not an object';
  for (const [name, values] of Object.entries(properties ?? {})) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return `property ${name} is not a list of strings`;
  }
  try {
    return ftmModel().getEntity({ id, schema, properties: properties as Record<string, string[]> | undefined });
  } catch (err) {
    return (err as Error).message;
  }
}

export async function parseFtm(lines: AsyncIterable<Line>, dataset: DatasetImport): Promise<ImportDocument> {
  const doc: ImportDocument = { format: 'ftm', nodes: [], sources: [], edges: [], evidence: [], records: [] };
  const problems = new Problems();
  for await (const { number, text } of lines) {
    if (!text.trim()) continue;
    const entity = parseLine(text);
    if (typeof entity === 'string') {
      problems.add(`line ${number}`, entity);
      continue;
    }
    const where = `line ${number} (${entity.schema.name} ${entity.id})`;
    const { node, edges, record } = mapEntity(entity, dataset);
    if (!node && edges.length === 0) {
      const { source, target } = entity.schema.edge!;
      problems.add(where, `a ${entity.schema.name} needs both ${source} and ${target} to be a relationship`);
    }
    if (node) doc.nodes.push({ row: node, where });
    doc.edges.push(...edges.map((row) => ({ row, where })));
    doc.records!.push({ row: record, where });
  }
  problems.throwIfAny(FTM_NAME);
  return doc;
}
