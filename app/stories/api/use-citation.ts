import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EdgeDetails, Evidence, EvidenceDetails } from '../../../shared/contract';
import { edgeLabel } from '../../../shared/model/graph-model';
import type { Citation } from '../../../shared/story/caption';
import { apiFetch } from '../../api/client';

/** What a footnote shows: the quotes behind it, and for an edge the sentence it stands for. */
export interface CitedEvidence {
  reading: string | null;
  evidence: Evidence[];
}

/** Under the explorer's keys (`edges`, `evidence`), so a footnote and the details panel share one cached answer. */
export const citationQuery = (citation: Citation) =>
  queryOptions({
    queryKey: [citation.kind === 'edge' ? 'edges' : 'evidence', citation.id],
    queryFn: ({ signal }): Promise<EdgeDetails | EvidenceDetails> =>
      citation.kind === 'edge'
        ? apiFetch<EdgeDetails>(`/edges/${encodeURIComponent(citation.id)}`, { signal })
        : apiFetch<EvidenceDetails>(`/evidence/${encodeURIComponent(citation.id)}`, { signal }),
  });

export const citedEvidence = (data: EdgeDetails | EvidenceDetails): CitedEvidence =>
  'edge' in data
    ? { reading: `${String(data.sourceNode.properties.name ?? data.edge.source)} ${edgeLabel(data.edge.type)} ${String(data.targetNode.properties.name ?? data.edge.target)}`, evidence: data.evidence }
    : { reading: null, evidence: [data.evidence] };

export function useCitation(citation: Citation) {
  return useQuery({ ...citationQuery(citation), select: citedEvidence });
}
