import { lazy, Suspense, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CanvasController } from '../graph/canvas-controller';
import type { ImportFollowUps } from './import-section';

/** The dialog (and the image code behind it) loads on first use, not with the app. */
const ExportDialog = lazy(() => import('./export-dialog'));

/** "Export…" in the canvas toolbar: opens the Export dialog for the canvas or the selection. */
export function ExportButton({ controller, selectedIds, spreadsheetStep, onReviewDuplicates, showImported }: { controller: CanvasController | null; selectedIds: string[] } & ImportFollowUps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" title="Export the canvas or the selection, or import a file" disabled={!controller} onClick={() => setOpen(true)}>
        Export…
      </button>
      {/* In a portal: the dialog is not part of the toolbar, and must not take on the toolbar's button styles. */}
      {open &&
        controller &&
        createPortal(
          <Suspense fallback={null}>
            <ExportDialog
              controller={controller}
              selectedIds={selectedIds}
              onClose={() => setOpen(false)}
              spreadsheetStep={spreadsheetStep}
              showImported={showImported}
              // The duplicates panel opens beside the canvas: the dialog, modal, closes first.
              onReviewDuplicates={
                onReviewDuplicates &&
                (() => {
                  setOpen(false);
                  onReviewDuplicates();
                })
              }
            />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
