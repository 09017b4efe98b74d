/**
 * The versions of a source's text, kept on the Source node itself: `text` is the current version (what quotes,
 * claims, exports and the seed loader read, as before), `earlierTexts[i]` is version i + 1, and `corrections[i]` (JSON
 * `{at, by, note}`) records version i + 2. Keeping them on the node puts them in every changeset's snapshot of it, so
 * reverting a correction restores the texts exactly. A quote a correction left behind has `sourceVersion`.
 */
import type { ManagedTransaction, Node } from 'neo4j-driver';
import type { SourceVersion } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { AppError } from '../../errors.js';
import { stringList } from '../../db/to-graph.js';

export interface VersionedText {
  source: Node;
  /** The text of the version asked for (null when the source stores none). */
  text: string | null;
  version: number;
  current: number;
  versions: SourceVersion[];
}

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

function versionsOf(source: Node): SourceVersion[] {
  const p = source.properties as Record<string, unknown>;
  const corrections = stringList(p.corrections).map((json) => JSON.parse(json) as Omit<SourceVersion, 'version'>);
  return [{ at: textOrNull(p.addedAt), by: textOrNull(p.addedBy), note: null }, ...corrections].map((v, i) => ({ version: i + 1, ...v }));
}

/**
 * A source and the text of one of its versions (the current one without `version`); undefined when there is no such
 * source, 404 naming `query.version` when there is no such version.
 */
export async function readVersion(tx: ManagedTransaction, id: string, version?: number): Promise<VersionedText | undefined> {
  const { records } = await tx.run(`MATCH (s:${ENTITY_LABEL}:Source {id: $id}) RETURN s`, { id });
  const source = records[0]?.get('s') as Node | undefined;
  if (!source) return undefined;
  const earlier = stringList(source.properties.earlierTexts);
  const current = earlier.length + 1;
  const wanted = version ?? current;
  if (wanted > current) {
    const message = `${id} has ${current === 1 ? 'one version' : `versions 1 to ${current}`}, not ${wanted}`;
    throw new AppError('not_found', `query.version: ${message}`, [{ where: 'query.version', message }]);
  }
  const text = wanted === current ? textOrNull(source.properties.text) : earlier[wanted - 1]!;
  return { source, text, version: wanted, current, versions: versionsOf(source) };
}
