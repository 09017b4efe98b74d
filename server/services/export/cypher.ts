/**
 * A Cypher script that recreates the export in a Neo4j: the schema Threadline relies on, then one MERGE on `id`
 * per node, relationship and evidence quote (the sources the evidence cites included). One statement per line,
 * each ending with `;`, so `cypher-shell -f` runs it and a program can split it by lines. Running it twice
 * changes nothing; lists (evidence, claims, aliases) are united with what the database holds, never replaced.
 */
import { schemaStatements } from '../../db/graph-writer.js';
import type { ExportData } from './collect-subgraph.js';
import { graphNodes } from './element-evidence.js';
import { cypherName, cypherSet, cypherString } from './cypher-literal.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';

export async function* writeCypher(data: ExportData): AsyncGenerator<string> {
  const nodes = graphNodes(data);
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
  yield `// Threadline export: ${oneLine(data.title)}\n`;
  yield `// Exported ${data.exportedAt}: ${nodes.length} nodes (sources included), ${data.edges.length} relationships, ${data.evidence.length} evidence quotes.\n`;
  yield '// Run it in an empty Neo4j 5 (cypher-shell -f this-file), or statement by statement: one per line.\n';
  yield '// Every statement MERGEs on `id` and unites lists with those stored, so running it again changes nothing.\n\n';
  for (const statement of schemaStatements([...new Set(data.edges.map((e) => e.type))].sort())) yield `${statement};\n`;

  yield '\n// Nodes\n';
  for (const n of nodes) {
    const labels = n.labels.map((l) => `:${cypherName(l)}`).join('');
    const set = labels ? ` SET n${labels}` : '';
    yield `MERGE (n:${ENTITY_LABEL} {id: ${cypherString(n.id)}})${set} ${cypherSet('n', n.properties)};\n`;
  }
  yield '\n// Relationships\n';
  for (const e of data.edges) {
    yield `MATCH (a:${ENTITY_LABEL} {id: ${cypherString(e.source)}}), (b:${ENTITY_LABEL} {id: ${cypherString(e.target)}}) MERGE (a)-[r:${cypherName(e.type)} {id: ${cypherString(e.id)}}]->(b) ${cypherSet('r', e.properties)};\n`;
  }
  yield '\n// Evidence: each quote at its offsets in its source\'s text\n';
  for (const { id, ...rest } of data.evidence) {
    yield `MERGE (e:${EVIDENCE_LABEL} {id: ${cypherString(id)}}) ${cypherSet('e', rest)};\n`;
  }
}
