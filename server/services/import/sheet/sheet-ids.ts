/**
 * Stable ids for what a sheet's rows make, so importing the same sheet again (or its next version) finds the same
 * nodes, relationships and records: each is derived from values, never from a row's position.
 */
import { createHash } from 'node:crypto';
import { slugify } from '../../../../shared/text/slug.js';

const hash = (parts: string[], length: number) => createHash('sha1').update(parts.join('\u001f')).digest('hex').slice(0, length);

/** `PublicBody` → `public-body`; `DONATED_TO` → `donated-to`. */
export const kebab = (name: string) => slugify(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'), 'x');

/** `person:max-mustermann` from the kind and the key columns' values; a key with no Latin letters keeps a hash of itself. */
export function nodeId(kind: string, keys: string[]): string {
  const slug = slugify(keys.join(' '), '', 60);
  return `${kebab(kind)}:${slug || `x-${hash(keys, 12)}`}`;
}

/** `rel:donated-to-max-mustermann-cdu-1a2b3c4d`: readable at the start, unique by a hash of its ends, type and keys. */
export function edgeId(type: string, source: string, target: string, keys: string[]): string {
  const readable = slugify(`${kebab(type)} ${source.split(':')[1]} ${target.split(':')[1]}`, 'x', 70);
  return `rel:${readable}-${hash([type, source, target, ...keys], 10)}`;
}

/** A row's record: the dataset and a hash of the values the mapping reads from it (an unrelated new column changes nothing). */
export const recordId = (dataset: string, values: string[]) => `record:${slugify(dataset, 'dataset')}:${hash(values, 16)}`;

/** `person` → `Person`, `public body` → `PublicBody`: a kind column's value as a label. */
export const asKind = (text: string) => text.trim().split(/[\s_-]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** `donated to` → `DONATED_TO`: a type column's value as a relationship type. */
export const asType = (text: string) => text.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toUpperCase();
