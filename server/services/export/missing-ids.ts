/** An export of ids that name nothing is refused (404), each missing id named with where it is in the request body. */
import { AppError } from '../../errors.js';

/** The first occurrence of each id of `list` that is not in `found`, with its index in the list. */
const missing = (list: readonly string[], found: ReadonlySet<string>) => list.flatMap((id, i) => (!found.has(id) && list.indexOf(id) === i ? [{ id, i }] : []));

export function refuseMissingIds(ids: readonly string[], edgeIds: readonly string[], foundNodes: ReadonlySet<string>, foundEdges: ReadonlySet<string>): void {
  const nodes = missing(ids, foundNodes);
  const edges = missing(edgeIds, foundEdges);
  if (nodes.length + edges.length === 0) return;
  const details = [
    ...nodes.map(({ id, i }) => ({ where: `body.ids.${i}`, message: `no node with id ${id}` })),
    ...edges.map(({ id, i }) => ({ where: `body.edgeIds.${i}`, message: `no relationship with id ${id}` })),
  ];
  throw new AppError('not_found', `Nothing to export there: ${details.map((d) => d.message).join('; ')}`, details);
}
