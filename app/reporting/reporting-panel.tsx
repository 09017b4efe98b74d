import { useState } from 'react';
import type { CanvasAccess } from '../explore/explore-slots';
import { useCanWrite } from './api/use-role';
import { AddSourceForm } from './add-source-form';
import { ChangesFeed } from './changes-feed';
import { SourceLibrary } from './source-library';
import { SourceView } from './source-view';

type Open = null | 'add' | { id: string };

interface Props {
  canvas: CanvasAccess;
  onClose: () => void;
}

/** Sources to read and quote from, and the changes everyone made; write controls only for editors. */
export function ReportingPanel({ canvas, onClose }: Props) {
  const canWrite = useCanWrite();
  const [tab, setTab] = useState<'sources' | 'changes'>('sources');
  // What the Sources tab shows stays while the Changes tab is looked at: a claim being typed is not lost.
  const [open, setOpen] = useState<Open>(null);
  const reading = tab === 'sources' && open !== null && open !== 'add';

  const tabButton = (name: 'sources' | 'changes', label: string) => (
    <button
      type="button"
      role="tab"
      id={`reporting-tab-${name}`}
      aria-selected={tab === name}
      aria-controls={`reporting-tabpanel-${name}`}
      className="reporting-tab"
      onClick={() => setTab(name)}
    >
      {label}
    </button>
  );

  return (
    <aside className={reading ? 'reporting-panel reading' : 'reporting-panel'} aria-label="Sources">
      <header className="queries-header">
        <div role="tablist" aria-label="Reporting">
          {tabButton('sources', 'Sources')}
          {tabButton('changes', 'Changes')}
        </div>
        <button type="button" className="icon-button" aria-label="Close sources" onClick={onClose}>
          ×
        </button>
      </header>
      <div id="reporting-tabpanel-sources" role="tabpanel" aria-labelledby="reporting-tab-sources" className="reporting-body" hidden={tab !== 'sources'}>
        {open === 'add' && canWrite ? (
          <AddSourceForm onAdded={(id) => setOpen({ id })} onCancel={() => setOpen(null)} />
        ) : open && open !== 'add' ? (
          <SourceView
            key={open.id}
            sourceId={open.id}
            canvas={canvas}
            canWrite={canWrite}
            onBack={() => setOpen(null)}
            onDetails={(ids) => {
              canvas.select(ids);
              onClose();
            }}
          />
        ) : (
          <SourceLibrary canWrite={canWrite} onOpen={(id) => setOpen({ id })} onAdd={() => setOpen('add')} />
        )}
      </div>
      {tab === 'changes' && (
        <div id="reporting-tabpanel-changes" role="tabpanel" aria-labelledby="reporting-tab-changes" className="reporting-body">
          <ChangesFeed canWrite={canWrite} controller={canvas.controller} />
        </div>
      )}
    </aside>
  );
}
