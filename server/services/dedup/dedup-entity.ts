/** What deduplication knows of an entity: read once from the graph (`loadEntities`), compared in memory. */
import type { ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABEL } from '../../../shared/model/graph-model.js';
import { toPlain } from '../../db/to-graph.js';
import { comparableName, normaliseName } from './normalise-name.js';

/** Kinds that may be the same entity: a person only with a person, any legal entity with any other. */
const KIND_FAMILIES: Record<string, 'person' | 'organisation'> = {
  Person: 'person',
  LegalEntity: 'organisation',
  Company: 'organisation',
  Organization: 'organisation',
  PublicBody: 'organisation',
};

/** FtM's identifier properties: one shared value says "the same" more strongly than any name. */
const IDENTIFIER_PROPERTIES = [
  'registrationNumber', 'taxNumber', 'vatCode', 'leiCode', 'innCode', 'ogrnCode', 'okpoCode', 'dunsCode', 'swiftBic',
  'idNumber', 'passportNumber', 'socialSecurityNumber', 'wikidataId', 'opencorporatesUrl', 'icijId', 'uniqueEntityId', 'imoNumber',
];

export interface DedupEntity {
  id: string;
  kind: string;
  family: 'person' | 'organisation';
  name: string;
  /** The name and aliases as they are written. */
  names: string[];
  /** `property:value` of each identifier. */
  identifiers: string[];
  birthDates: string[];
  countries: string[];
  /** Linked Address nodes' names, normalised ("Schillerstraße 19" → "schillerstrasse 19"). */
  addresses: string[];
  legalForms: string[];
  /** Relationships and quotes or records: the weight that decides which of two stays in a merge. */
  weight: number;
  /** Made by an import (FtM) rather than by reporting. */
  imported: boolean;
}

/** Values as a list of strings: FtM keeps every property as a list, reporting as a scalar. */
const list = (value: unknown): string[] => (value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map((v) => String(toPlain(v))).filter(Boolean));

export async function loadEntities(tx: ManagedTransaction, ids?: readonly string[]): Promise<DedupEntity[]> {
  const { records } = await tx.run(
    `MATCH (n:${ENTITY_LABEL}) WHERE any(l IN labels(n) WHERE l IN $kinds) AND ($ids IS NULL OR n.id IN $ids)
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS p,
       [(n)-[:ADDRESS_ENTITY]->(a:${ENTITY_LABEL}) | a.name] AS addresses,
       COUNT { (n)--(:${ENTITY_LABEL}) } + size(coalesce(n.evidence, [])) AS weight`,
    { kinds: Object.keys(KIND_FAMILIES), ids: ids ?? null },
  );
  return records.map((r) => {
    const p = r.get('p') as Record<string, unknown>;
    const kind = (r.get('labels') as string[]).find((l) => l in KIND_FAMILIES)!;
    const name = String(p.name ?? '');
    return {
      id: r.get('id') as string,
      kind,
      family: KIND_FAMILIES[kind]!,
      name,
      names: [name, ...list(p.aliases)],
      identifiers: IDENTIFIER_PROPERTIES.flatMap((key) => list(p[key]).map((v) => `${key}:${v.replace(/[\s.-]/g, '').toLowerCase()}`)),
      birthDates: list(p.birthDate),
      countries: list(p.country).map((c) => c.toLowerCase()),
      addresses: list(r.get('addresses')).map(comparableName),
      legalForms: normaliseName(name).legalForms,
      weight: Number(r.get('weight')),
      imported: p.ftmId !== undefined,
    };
  });
}
