import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedMapping, SheetMapping } from '../../../shared/contract';
import { slugify } from '../../../shared/text/slug';
import { apiFetch } from '../../api/client';
import { MAPPINGS_KEY } from './use-mappings';

/** Saves under the name's slug: saving again under the same name replaces that mapping. */
export function useSaveMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, mapping }: { name: string; mapping: SheetMapping }) =>
      apiFetch<SavedMapping>(`/import/mappings/${slugify(name, 'mapping')}`, { method: 'PUT', body: { name, mapping } }),
    onSuccess: () => client.invalidateQueries({ queryKey: MAPPINGS_KEY }),
  });
}
