import { lazy, Suspense } from 'react';

/** The mapping step loads when a spreadsheet is picked, not with the app. */
const SheetMappingStep = lazy(() => import('./sheet-mapping-step').then((m) => ({ default: m.SheetMappingStep })));

export function LazySheetMappingStep(props: { file: File; onClose: () => void }) {
  return (
    <Suspense fallback={<p role="status">Loading the mapping step…</p>}>
      <SheetMappingStep {...props} />
    </Suspense>
  );
}
