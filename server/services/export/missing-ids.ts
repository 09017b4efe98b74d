/** An export of ids that name nothing is refused (404), each missing id named with where it is in the request body. */
import { AppError, type ErrorDetail } from '../../errors.js';

export function refuseMissingIds(ids: readonly string[], edgeIds: readonly string[], foundNodes: ReadonlySet<string>, foundEdges: ReadonlySet<string>): void {
  const missing = (list: readonly string[], found: ReadonlySet<string>) => list.map((id, i) => ({ id, i })).filter(({ id, i }) => !found.has(id) && list.indexOf(id) === i);
  const details: ErrorDetail[] = [
    ...missing(ids, foundNodes).map(({ id, i }) => ({ where: `body.ids.${i}`, message: `no node with id ${id}` })),
    ...missing(edgeIds, foundEdges).map(({ id, i }) => ({ where: `body.edgeIds.${i}`, message: `no relationship with id ${id}` })),
  ];
  if (details.length === 0) return;
  const names = details.map((d) => d.message.replace(/^no \w+ with id /, ''));
  throw new AppError('not_found', `Nothing to export under ${names.length === 1 ? 'the id' : 'the ids'} ${names.join(', ')}`, details);
}
