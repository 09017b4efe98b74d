/**
 * One FtM entity as Threadline rows (docs/export-format.md "FollowTheMoney"): an edge schema (Payment, Ownership…)
 * becomes relationships from its source to its target property's entity; any other schema becomes a node whose
 * entity-valued properties (`addressEntity`, `holder`…) become relationships. Every value list is kept whole;
 * each row cites the entity's dataset record.
 */
import type { Entity, Property } from '@alephdata/followthemoney';
import type { EdgeRow, NodeRow, RecordRow } from '../../../db/graph-writer.js';
import { RECORD_CONFIDENCE } from '../../../../shared/model/graph-model.js';
import { FTM_ID, FTM_PROPERTY, FTM_SCHEMA, ftmSlug, nodeIdOf, recordIdOf, storedName, upperSnake } from './ftm-names.js';

/** Which dataset an import is, and who brought it in when. */
export interface DatasetImport { dataset: string; file: string | null; importedAt: string; importedBy: string }

export interface MappedEntity { node: NodeRow | null; edges: EdgeRow[]; record: RecordRow }

type Props = Record<string, unknown>;

const idOf = (value: unknown): string => (typeof value === 'string' ? value : (value as Entity).id);
const valuesOf = (entity: Entity, property: Property): string[] => entity.getProperty(property).map(idOf);

/** `2019`, `2019-03`, `2019-03-12…`: the date a timeline reads, and how precise the dataset was. */
function dateFields(entity: Entity): Props {
  const start = entity.getTemporalStart()?.value;
  const match = start?.match(/^(\d{4})(-\d{2})?(-\d{2})?/);
  if (!match) return {};
  const precision = match[3] ? 'day' : match[2] ? 'month' : 'year';
  return { date: match[0], datePrecision: precision };
}

/** The entity's values that stay properties (all but the relationships' ends), under Threadline's names. */
function valueProperties(entity: Entity, asRelationships: ReadonlySet<string>): Props {
  const out: Props = { [FTM_ID]: entity.id, [FTM_SCHEMA]: entity.schema.name };
  for (const property of entity.getProperties()) {
    if (!asRelationships.has(property.name)) out[storedName(property.name)] = valuesOf(entity, property);
  }
  return out;
}

/** A newer version of the dataset says all of an entity's values: its lists replace the stored ones. */
const replaced = (values: Props) => Object.keys(values).filter((name) => Array.isArray(values[name]));

/** What a row made from the entity cites: its record; a relationship also the record's level. */
interface Cited { evidence: string[]; confidence: string }

const kebab = (type: string) => type.toLowerCase().replace(/_/g, '-');

/** An edge entity: one relationship per source and target pair (usually one), each with all the entity's values. */
function edgeRows(entity: Entity, cited: Cited): EdgeRow[] {
  const { source, target } = entity.schema.edge!;
  const values = valueProperties(entity, new Set([source, target]));
  const properties = { ...values, ...dateFields(entity), ...cited };
  const type = upperSnake(entity.schema.name);
  const pairs = entity.getProperty(source).flatMap((s) => entity.getProperty(target).map((t) => [idOf(s), idOf(t)] as const));
  return pairs.map(([s, t], i) => ({
    id: `rel:${kebab(type)}-${ftmSlug(entity.id)}${i > 0 ? `-${i + 1}` : ''}`,
    type,
    source: nodeIdOf(s),
    target: nodeIdOf(t),
    properties,
    replace: replaced(values),
  }));
}

/** Any other entity: a node named by its caption, and a relationship for each value of an entity-valued property. */
function nodeRows(entity: Entity, cited: Cited): { node: NodeRow; edges: EdgeRow[] } {
  const links = entity.getProperties().filter((p) => p.type.name === 'entity');
  const names = entity.getProperty('name').map(idOf);
  const name = entity.getCaption() || names[0] || entity.id;
  const aliases = names.filter((n) => n !== name);
  const values = valueProperties(entity, new Set(links.map((p) => p.name)));
  const properties = { ...values, ...dateFields(entity), name, evidence: cited.evidence, ...(aliases.length && { aliases }) };
  const node: NodeRow = { id: nodeIdOf(entity.id), labels: [entity.schema.name], properties, replace: replaced(values) };
  const edges = links.flatMap((property) =>
    valuesOf(entity, property).map((target): EdgeRow => {
      const type = upperSnake(property.name);
      const id = `rel:${ftmSlug(entity.id)}-${kebab(type)}-${ftmSlug(target)}`;
      return { id, type, source: node.id, target: nodeIdOf(target), properties: { [FTM_PROPERTY]: property.name, ...cited } };
    }),
  );
  return { node, edges };
}

export function mapEntity(entity: Entity, dataset: DatasetImport): MappedEntity {
  const recordId = recordIdOf(dataset.dataset, entity.id);
  const cited = { evidence: [recordId], confidence: RECORD_CONFIDENCE };
  const { node, edges } = entity.schema.edge ? { node: null, edges: edgeRows(entity, cited) } : nodeRows(entity, cited);
  const record: RecordRow = {
    id: recordId,
    ...dataset,
    recordId: entity.id,
    schema: entity.schema.name,
    sourceUrl: entity.getProperty('sourceUrl').map(idOf),
    publisher: entity.getProperty('publisher').map(idOf),
    proof: entity.getProperty('proof').map(idOf),
    claims: [...(node ? [node.id] : []), ...edges.map((e) => e.id)],
  };
  return { node, edges, record };
}
