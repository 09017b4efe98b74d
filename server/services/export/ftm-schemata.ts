/**
 * The FtM schema a node is exported as: its own (`ftmSchema`) when it came from FtM, else the one that fits
 * Threadline's kind (docs/model.md) best; a kind FtM has no word for is a LegalEntity.
 */
import type { Model, Schema } from '@alephdata/followthemoney';
import { kindOf } from '../../../shared/model/graph-model.js';
import { FTM_SCHEMA } from '../import/ftm/ftm-names.js';

const FOR_KIND: Record<string, string> = {
  Person: 'Person',
  Organization: 'Organization',
  Group: 'Organization',
  Place: 'Address',
  Facility: 'RealEstate',
  Law: 'Document',
  Deal: 'Contract',
  Event: 'Event',
  Statement: 'Document',
  Source: 'Document',
};
const FALLBACK = 'LegalEntity';

export function nodeSchema(model: Model, labels: string[], properties: Record<string, unknown>): Schema {
  const own = properties[FTM_SCHEMA];
  if (typeof own === 'string' && model.schemata[own]) return model.getSchema(own);
  return model.getSchema(FOR_KIND[kindOf(labels)] ?? FALLBACK);
}

/** A Threadline relationship FtM has no schema for: an UnknownLink, its type as the role. */
export const LINK_SCHEMA = 'UnknownLink';
