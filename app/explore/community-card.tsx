import type { CanvasElement } from '../graph/canvas-controller';

interface Props {
  community: CanvasElement;
  onOpen: () => void;
  onClose: () => void;
}

/** A selected community of a large view (app/graph/communities): what it holds, and the way to open it. */
export function CommunityCard({ community, onOpen, onClose }: Props) {
  return (
    <aside className="side-panel" aria-label="Details">
      <header>
        <div>
          <p className="panel-kind">Community</p>
          <h2>{community.label}</h2>
          <p className="panel-sub">{community.members} members, found by how densely they are connected</p>
        </div>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <button type="button" onClick={onOpen}>
        Open (or double-click it)
      </button>
    </aside>
  );
}
