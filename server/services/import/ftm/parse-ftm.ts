/**
 * Reads FollowTheMoney JSON lines (one entity a line, as Aleph, OpenSanctions and nomenklatura write them) with
 * the FtM model's own parser, line by line. Every bad line is reported with its number and why.
 */
import type { Entity } from '@alephdata/followthemoney';
import { Problems, type ImportDocument } from '../import-document.js';
import { ftmModel } from './ftm-model.js';
import { mapEntity, type DatasetImport, type MappedEntity } from './map-entity.js';
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

/** A line as rows, with where they came from; or where the line is and what is wrong with it. */
export type MappedLine = { where: string; mapped: MappedEntity; problem?: undefined } | { where: string; problem: string };

export function mapLine({ number, text }: Line, dataset: DatasetImport): MappedLine {
  const entity = parseLine(text);
  if (typeof entity === 'string') return { where: `line ${number}`, problem: entity };
  const where = `line ${number} (${entity.schema.name} ${entity.id})`;
  const mapped = mapEntity(entity, dataset);
  if (!mapped.node && mapped.edges.length === 0) {
    const { source, target } = entity.schema.edge!;
    return { where, problem: `a ${entity.schema.name} needs both ${source} and ${target} to be a relationship` };
  }
  return { where, mapped };
}

export async function parseFtm(lines: AsyncIterable<Line>, dataset: DatasetImport): Promise<ImportDocument> {
  const doc: ImportDocument = { format: 'ftm', nodes: [], sources: [], edges: [], evidence: [], records: [] };
  const problems = new Problems();
  for await (const line of lines) {
    if (!line.text.trim()) continue;
    const result = mapLine(line, dataset);
    if (result.problem !== undefined) {
      problems.add(result.where, result.problem);
      continue;
    }
    const { where, mapped: { node, edges, record } } = result;
    if (node) doc.nodes.push({ row: node, where });
    doc.edges.push(...edges.map((row) => ({ row, where })));
    doc.records!.push({ row: record, where });
  }
  problems.throwIfAny(FTM_NAME);
  return doc;
}
