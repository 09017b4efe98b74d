/**
 * How FtM entities are named in Threadline (docs/export-format.md "FollowTheMoney"): ids, relationship types and
 * property names, both ways, so that the import and the export agree.
 */
import { createHash } from 'node:crypto';
import type { Schema } from '@alephdata/followthemoney';
import { slugify } from '../../../../shared/text/slug.js';

/**
 * An FtM id as an id slug: kept as it is when it already is one (hex hashes, `q42`), otherwise slugged with a
 * short hash of the original, so two ids that slug alike stay apart.
 */
export function ftmSlug(ftmId: string): string {
  if (/^[a-z0-9][a-z0-9.-]*$/.test(ftmId)) return ftmId;
  const hash = createHash('sha1').update(ftmId).digest('hex').slice(0, 10);
  return `${slugify(ftmId, 'x', 60)}-${hash}`;
}

/**
 * Nodes are `ftm:<slug>`, whatever their schema: a line that names another entity (a payer, an address) names
 * its node without knowing that entity's schema, so each line maps on its own, and a later version of the
 * dataset that refines an entity's schema (LegalEntity → Company) still finds the node.
 */
export const nodeIdOf = (ftmId: string) => `ftm:${ftmSlug(ftmId)}`;
export const recordIdOf = (dataset: string, ftmId: string) => `record:${slugify(dataset, 'dataset')}:${ftmSlug(ftmId)}`;

/** `UnknownLink` → `UNKNOWN_LINK`, `addressEntity` → `ADDRESS_ENTITY`. */
export function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Threadline's own properties; an FtM property of the same name is kept as `ftm` + Name (`name` → `ftmName`). */
const OWN = new Set(['id', 'name', 'date', 'datePrecision', 'evidence', 'confidence', 'aliases']);
/** The FtM id and schema, kept on each node and relationship so the export gives them back. */
export const FTM_ID = 'ftmId';
export const FTM_SCHEMA = 'ftmSchema';
/** On a relationship made from an entity-valued property (`addressEntity`): that property's name. */
export const FTM_PROPERTY = 'ftmProperty';

export function storedName(ftmProperty: string): string {
  return OWN.has(ftmProperty) ? `ftm${ftmProperty[0]!.toUpperCase()}${ftmProperty.slice(1)}` : ftmProperty;
}

/** The FtM property a stored property holds, or null for Threadline's own. */
export function ftmNameOf(stored: string, schema: Schema): string | null {
  const prefixed = /^ftm[A-Z]/.test(stored);
  const name = prefixed ? `${stored[3]!.toLowerCase()}${stored.slice(4)}` : stored;
  return prefixed === OWN.has(name) && schema.hasProperty(name) ? name : null;
}
