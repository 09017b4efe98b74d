import { useState } from 'react';
import type { CanvasAccess, DetailsAbout } from '../explore/explore-slots';
import { useCanWrite } from './api/use-role';
import { ChangesFeed } from './changes-feed';
import { EntityEditForm } from './entity-edit-form';
import { MergeAction } from './merge-action';

interface Props {
  about: DetailsAbout;
  canvas: CanvasAccess;
}

/** What reporting adds to a node's or an edge's details: editing the entity and merging it into another (editors), and its history, with reverts. */
export function DetailsReporting({ about, canvas }: Props) {
  const canWrite = useCanWrite();
  const [editing, setEditing] = useState(false);
  const element = about.group === 'nodes' ? about.details.node : about.details.edge;
  const name = typeof element.properties.name === 'string' ? element.properties.name : element.id;

  return (
    <>
      {about.group === 'nodes' && canWrite && (
        <section>
          <h3>Edit</h3>
          {editing && (
            <EntityEditForm
              details={about.details}
              onCancel={() => setEditing(false)}
              onSaved={(result) => {
                setEditing(false);
                about.reload();
                canvas.controller?.redraw(result.graph);
              }}
            />
          )}
          <div className="panel-actions">
            {!editing && (
              <button type="button" className="link" onClick={() => setEditing(true)}>
                Edit name, aliases and properties
              </button>
            )}
            <MergeAction nodeId={element.id} canvas={canvas} />
          </div>
        </section>
      )}
      <section>
        <h3>History</h3>
        <ChangesFeed canWrite={canWrite} controller={canvas.controller} target={element.id} label={`History of ${name}`} onReverted={about.reload} />
      </section>
    </>
  );
}
