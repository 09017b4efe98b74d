/**
 * Correcting a source's text: the corrected text becomes a new version, the earlier ones are kept unchanged, and
 * each quote still verbatim in the new text moves to its new offsets (same id), while the others stay pinned to the
 * version they were made on. One transaction, one changeset (`new-version`), which a revert undoes exactly.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { z } from 'zod';
import type { SourceVersionCreated, SourceVersionInputSchema } from '../../../shared/contract/reporting.js';
import { ENTITY_LABEL, EVIDENCE_LABEL } from '../../../shared/model/graph-model.js';
import type { Database } from '../../db/neo4j.js';
import { AppError } from '../../errors.js';
import { ensureReportingSchema, writeChange } from './changes.js';
import { quoteMover } from './quote-moves.js';
import { reduceToText } from './source-text.js';
import { sourceSummaries } from './sources.js';
import { lockEntity } from './entity-lock.js';
import { readVersion } from './text-versions.js';

type Stranded = SourceVersionCreated['stranded'][number];

interface QuoteRow {
  id: string;
  quote: string;
  start: number;
  retracted: boolean;
}

/** What the correction does to the quotes on the current text. */
interface Plan {
  /** Standing quotes carried over, whether their offsets change or not. */
  moved: number;
  /** Quotes whose offsets change. */
  moves: { id: string; start: number; end: number }[];
  /** Quotes that stay on the old version: the standing ones no longer verbatim, and every retracted one (history). */
  pinned: string[];
  stranded: Stranded[];
}

export async function addSourceVersion(db: Database, id: string, input: z.output<typeof SourceVersionInputSchema>, by: string): Promise<SourceVersionCreated> {
  const text = reduceToText(input.content, input.format);
  if (!text) throw new AppError('bad_request', `body.content: the ${input.format} has no readable text`, [{ where: 'body.content', message: 'has no readable text' }]);
  await ensureReportingSchema(db);
  return db.write(async (tx) => {
    await lockEntity(tx, id);
    const current = await readVersion(tx, id);
    if (!current) throw new AppError('not_found', `No source with id ${id}`);
    const before = current.text ?? '';
    if (before === text) {
      const message = `is the same as version ${current.version}, the current text`;
      throw new AppError('conflict', `body.content: ${message}`, [{ where: 'body.content', message }]);
    }
    const plan = planMoves(await quotesOnCurrent(tx, id), before, text, current.version);
    const name = String(current.source.properties.name ?? id);
    const next = current.version + 1;
    const { change } = await writeChange(
      tx,
      by,
      { nodes: [id], edges: [], evidence: [...plan.moves.map((m) => m.id), ...plan.pinned] },
      {
        kind: 'new-version',
        summary: `corrected the text of "${name}" (version ${next}): ${plan.moved} quotes moved, ${plan.stranded.length} stay on version ${current.version}`,
        note: input.note ?? null,
      },
      async () => {
        await tx.run(
          `MATCH (s:${ENTITY_LABEL}:Source {id: $id})
           SET s.earlierTexts = coalesce(s.earlierTexts, []) + s.text, s.corrections = coalesce(s.corrections, []) + $correction, s.text = $text`,
          { id, text, correction: JSON.stringify({ at: new Date().toISOString(), by, note: input.note ?? null }) },
        );
        await tx.run(`UNWIND $moves AS m MATCH (e:${EVIDENCE_LABEL} {id: m.id}) SET e.start = m.start, e.end = m.end`, { moves: plan.moves });
        await tx.run(`MATCH (e:${EVIDENCE_LABEL}) WHERE e.id IN $ids SET e.sourceVersion = $version`, { ids: plan.pinned, version: current.version });
      },
    );
    return { change, source: (await sourceSummaries(tx, [id]))[0]!, moved: plan.moved, stranded: plan.stranded };
  });
}

/** The quotes whose offsets point into the current text (no `sourceVersion`), retracted ones included. */
async function quotesOnCurrent(tx: ManagedTransaction, id: string): Promise<QuoteRow[]> {
  const { records } = await tx.run(
    `MATCH (e:${EVIDENCE_LABEL} {sourceId: $id}) WHERE e.sourceVersion IS NULL
     RETURN e.id AS id, e.quote AS quote, toInteger(e.start) AS start, e.retractedAt IS NOT NULL AS retracted ORDER BY e.start, e.id`,
    { id },
  );
  return records.map((r) => ({ id: r.get('id') as string, quote: String(r.get('quote') ?? ''), start: Number(r.get('start')), retracted: r.get('retracted') as boolean }));
}

function planMoves(quotes: QuoteRow[], before: string, after: string, version: number): Plan {
  const move = quoteMover(before, after);
  const plan: Plan = { moved: 0, moves: [], pinned: [], stranded: [] };
  for (const q of quotes) {
    const to = q.retracted ? null : move(q.quote, q.start);
    if (to === null) {
      plan.pinned.push(q.id);
      if (!q.retracted) plan.stranded.push({ id: q.id, quote: q.quote, version });
      continue;
    }
    plan.moved++;
    if (to !== q.start) plan.moves.push({ id: q.id, start: to, end: to + q.quote.length });
  }
  return plan;
}
