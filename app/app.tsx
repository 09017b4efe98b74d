import { AuthGate } from './auth/auth-gate';
import { UserMenu } from './auth/user-menu';
import { ExplorePage } from './explore/explore-page';
import { ExportButton } from './export/export-button';
import { StatusBanner } from './health/status-banner';
import { LazySheetMappingStep } from './import-mapping/lazy-sheet-mapping-step';
import { useCanWrite } from './reporting/api/use-role';
import { showMerged } from './reporting/canvas-refresh';
import { ShowImported } from './reporting/show-imported';
import { lazyPanel } from './ui/lazy-panel';

const DUPLICATES = 'Duplicates';

// The side panels load on first open (bench: initial JavaScript).
const QueriesPanel = lazyPanel('Queries', () => import('./queries/queries-panel').then((m) => m.QueriesPanel));
const ReportingPanel = lazyPanel('Sources', () => import('./reporting/reporting-panel').then((m) => m.ReportingPanel));
const StoriesPanel = lazyPanel('Stories', () => import('./stories/stories-panel').then((m) => m.StoriesPanel));
const DuplicatesPanel = lazyPanel(DUPLICATES, () => import('./dedup/duplicates-panel').then((m) => m.DuplicatesPanel));
const DetailsReporting = lazyPanel('Reporting', () => import('./reporting/details-reporting').then((m) => m.DetailsReporting));
const MergePreviewView = lazyPanel('Merge preview', () => import('./reporting/merge-preview-view').then((m) => m.MergePreviewView));

export function App() {
  const canWrite = useCanWrite();
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="logo" aria-hidden="true">⟡</span> Threadline
        </h1>
        <StatusBanner />
        <UserMenu />
      </header>
      <main>
        <AuthGate>
          <ExplorePage
            canvasTools={(canvas) => {
              const showImported = (change: string) => <ShowImported change={change} controller={canvas.controller} />;
              return (
                <ExportButton
                  controller={canvas.controller}
                  selectedIds={canvas.selectedIds}
                  spreadsheetStep={(file, close) => (
                    <LazySheetMappingStep file={file} onClose={close} onReviewDuplicates={() => canvas.openPanel(DUPLICATES)} showImported={showImported} />
                  )}
                  onReviewDuplicates={() => canvas.openPanel(DUPLICATES)}
                  showImported={showImported}
                />
              );
            }}
            panels={[
              { label: 'Queries', render: (canvas, close) => <QueriesPanel controller={canvas.controller} selectedIds={canvas.selectedIds} onClose={close} /> },
              { label: 'Sources', render: (canvas, close) => <ReportingPanel canvas={canvas} onClose={close} /> },
              { label: 'Stories', render: (canvas, close) => <StoriesPanel canvas={canvas} canWrite={canWrite} onClose={close} /> },
              {
                label: DUPLICATES,
                render: (canvas, close) => (
                  <DuplicatesPanel
                    canWrite={canWrite}
                    onClose={close}
                    renderMerge={(preview, choose, onChoose) => <MergePreviewView preview={preview} choose={choose} onChoose={onChoose} />}
                    // Only a canvas that shows one of the two changes: a merge elsewhere adds nothing to it.
                    onMerged={(merge, result) => (canvas.controller?.element(merge.from) || canvas.controller?.element(merge.into)) && showMerged(canvas.controller, merge, result, canvas.select)}
                  />
                ),
              },
            ]}
            details={(about, canvas) => <DetailsReporting about={about} canvas={canvas} />}
          />
        </AuthGate>
      </main>
    </div>
  );
}
