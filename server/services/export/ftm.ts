/**
 * FollowTheMoney JSON lines (docs/export-format.md "FollowTheMoney"): one entity a line, built and checked by the
 * FtM model's own parser. Entities imported from FtM go back as they came (schema, id, every value list); the
 * graph's own nodes and relationships go as the FtM schema that fits their kind, and as UnknownLinks.
 */
import type { Model, Schema } from '@alephdata/followthemoney';
import type { EdgeRow, NodeRow } from '../../db/graph-writer.js';
import { edgeLabel } from '../../../shared/model/graph-model.js';
import type { ExportData } from './collect-subgraph.js';
import { FTM_ID, FTM_PROPERTY, FTM_SCHEMA, ftmNameOf } from '../import/ftm/ftm-names.js';
import { ftmModel } from '../import/ftm/ftm-model.js';
import { LINK_SCHEMA, nodeSchema } from './ftm-schemata.js';

type Values = Record<string, string[]>;
type Props = Record<string, unknown>;

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined).map(String);

/** The values of the stored properties that are FtM properties of the schema (FtM's own, or the same names). */
function ftmValues(schema: Schema, properties: Props, own: boolean): Values {
  const out: Values = {};
  for (const [stored, value] of Object.entries(properties)) {
    const name = own ? ftmNameOf(stored, schema) : schema.hasProperty(stored) ? stored : null;
    if (name) out[name] = asStrings(value);
  }
  if (!own && typeof properties.name === 'string') out.name = [properties.name];
  if (!own && Array.isArray(properties.aliases) && schema.hasProperty('alias')) out.alias = asStrings(properties.aliases);
  return out;
}

const add = (values: Values, name: string, value: string) => {
  values[name] = [...new Set([...(values[name] ?? []), value])];
};

function line(model: Model, id: string, schema: Schema, properties: Values): string {
  return `${JSON.stringify(model.getEntity({ id, schema: schema.name, properties }).toJSON())}\n`;
}

export async function* writeFtm(data: ExportData): AsyncGenerator<string> {
  const model = ftmModel();
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const ftmIdOf = (nodeId: string) => String(nodes.get(nodeId)?.properties[FTM_ID] ?? nodeId);
  const links = new Map<string, EdgeRow[]>();
  const entityEdges = new Map<string, EdgeRow[]>();
  for (const edge of data.edges) {
    const group = typeof edge.properties[FTM_PROPERTY] === 'string' ? links : entityEdges;
    const key = group === links ? edge.source : String(edge.properties[FTM_ID] ?? edge.id);
    group.set(key, [...(group.get(key) ?? []), edge]);
  }
  for (const node of data.nodes) yield nodeLine(model, node, links.get(node.id) ?? [], ftmIdOf);
  for (const [id, edges] of entityEdges) yield edgeLine(model, id, edges, ftmIdOf);
}

/** A node, with its entity-valued properties read back from the relationships made of them. */
function nodeLine(model: Model, node: NodeRow, links: EdgeRow[], ftmIdOf: (id: string) => string): string {
  const schema = nodeSchema(model, node.labels, node.properties);
  const own = typeof node.properties[FTM_SCHEMA] === 'string';
  const values = ftmValues(schema, node.properties, own);
  for (const link of links) {
    const property = String(link.properties[FTM_PROPERTY]);
    if (schema.hasProperty(property)) add(values, property, ftmIdOf(link.target));
  }
  return line(model, ftmIdOf(node.id), schema, values);
}

/** An FtM edge entity: its relationships (one per source and target pair) give back its ends. */
function edgeLine(model: Model, id: string, edges: EdgeRow[], ftmIdOf: (id: string) => string): string {
  const [first] = edges as [EdgeRow];
  const own = model.schemata[String(first.properties[FTM_SCHEMA])];
  const schema = own?.edge ? own : model.getSchema(LINK_SCHEMA);
  const values = ftmValues(schema, first.properties, Boolean(own?.edge));
  if (!own?.edge) values.role = [edgeLabel(first.type)];
  for (const edge of edges) {
    add(values, schema.edge!.source, ftmIdOf(edge.source));
    add(values, schema.edge!.target, ftmIdOf(edge.target));
  }
  return line(model, id, schema, values);
}
