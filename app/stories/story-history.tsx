import type { Story } from '../../shared/contract';
import { useRestoreStoryVersion } from './api/use-restore-story-version';
import { useStoryVersions } from './api/use-story-versions';

/** Who saved which version when; an editor can bring an earlier one back as the newest (nothing is lost). */
export function StoryHistory({ story, canWrite }: { story: Story; canWrite: boolean }) {
  const versions = useStoryVersions(story.id);
  const restore = useRestoreStoryVersion(story.id);
  return (
    <section className="story-history" aria-label="History">
      <h3>History</h3>
      {versions.error && <p className="panel-status error">{versions.error.message}</p>}
      {restore.error && <p className="panel-status error">{restore.error.message}</p>}
      <ol className="story-versions">
        {versions.data?.versions.map((v) => (
          <li key={v.version}>
            <span>
              <strong>v{v.version}</strong> {v.title} · {v.stepCount} {v.stepCount === 1 ? 'step' : 'steps'} · {v.author} · {new Date(v.savedAt).toLocaleString()}
            </span>
            {canWrite && v.version !== story.version && (
              <button type="button" className="link" disabled={restore.isPending} onClick={() => restore.mutate({ version: v.version, baseVersion: story.version })}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
