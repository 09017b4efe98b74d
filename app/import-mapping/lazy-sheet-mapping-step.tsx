import { lazy, Suspense, type ComponentProps } from 'react';

/** The mapping step loads when a spreadsheet is picked, not with the app. */
const SheetMappingStep = lazy(() => import('./sheet-mapping-step').then((m) => ({ default: m.SheetMappingStep })));

export function LazySheetMappingStep(props: ComponentProps<typeof SheetMappingStep>) {
  return (
    <Suspense fallback={<p role="status">Loading the mapping step…</p>}>
      <SheetMappingStep {...props} />
    </Suspense>
  );
}
