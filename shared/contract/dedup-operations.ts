/** Deduplication's endpoints: readers see the candidate pairs, editors judge them. */
import { DedupCandidatesQuerySchema, DedupCandidatesSchema, JudgementInputSchema, JudgementResultSchema } from './dedup.js';
import { defineOperations } from './operation.js';

export const dedupOperations = defineOperations({
  listDedupCandidates: {
    method: 'get', path: '/dedup/candidates', role: 'viewer', tag: 'dedup', query: DedupCandidatesQuerySchema, errors: [400],
    summary: 'Pairs of entities that may be the same, best first, with the score, its reasons and what a merge would do',
    description: 'Computed on each request from the graph as it is (blocking by name words and identifiers), leaving out the pairs judged same or different.',
    reply: { name: 'DedupCandidates', schema: DedupCandidatesSchema },
  },
  judgeDedupPair: {
    method: 'post', path: '/dedup/judgements', role: 'editor', tag: 'dedup', body: JudgementInputSchema, errors: [400, 404, 409],
    summary: 'Judge a pair same, different or unsure; same merges them in the same transaction',
    description: '409 on `same` lists every value that differs (`details[].where` is `body.choose.<property>` or `body.choose.kind`) until `choose` settles each, as a merge does.',
    reply: { name: 'JudgementResult', schema: JudgementResultSchema, status: 201 },
  },
});
