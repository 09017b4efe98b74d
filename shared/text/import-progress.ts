/** A streamed import's progress in words, the same on the command line and in the app. */
import type { ImportProgress } from '../contract/export.js';

const PHASES: Record<ImportProgress['phase'], string> = { scan: 'scanning', nodes: 'nodes', relationships: 'relationships', rows: 'rows' };
const n = (value: number) => value.toLocaleString('en-US');

export function describeProgress(p: ImportProgress): string {
  const left = p.secondsLeft === null ? '' : `, about ${p.secondsLeft} s left`;
  const errors = `${n(p.errors)} bad line${p.errors === 1 ? '' : 's'}`;
  return `${PHASES[p.phase]}: ${n(p.read)} lines read, ${n(p.written)} rows written, ${errors}, ${n(p.rate)} lines/s, ${Math.round(p.done * 100)}%${left}`;
}
