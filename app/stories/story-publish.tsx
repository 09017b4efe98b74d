import { useState } from 'react';
import type { Story } from '../../shared/contract';
import { escapeHtml } from '../../shared/story/caption-html';
import { apiUrl } from '../api/client';

interface Props {
  story: Story;
  /** The draft's choice, saved with the next version. */
  draftPublic: boolean;
  canWrite: boolean;
  onPublicChange: (value: boolean) => void;
}

const embedUrl = (id: string, origin = window.location.origin) => `${origin}/embed/stories/${encodeURIComponent(id)}`;

/** The iframe to paste into an article; the title names the frame for screen readers. */
export function embedSnippet(story: Pick<Story, 'id' | 'title'>, origin?: string): string {
  return `<iframe src="${escapeHtml(embedUrl(story.id, origin))}" title="${escapeHtml(story.title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}

/** Publishing the saved version: one HTML file to download, and the embed of a story marked public. */
export function StoryPublish({ story, draftPublic, canWrite, onPublicChange }: Props) {
  const [showEmbed, setShowEmbed] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const snippet = embedSnippet(story);
  const copy = () =>
    navigator.clipboard.writeText(snippet).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  return (
    <section className="story-publish" aria-labelledby="story-publish-title">
      <h3 id="story-publish-title">Publish</h3>
      <p className="queries-note">Publishing uses the saved version ({story.version}); save first to include your changes.</p>
      <div className="panel-actions">
        <a className="link" href={apiUrl(`/stories/${encodeURIComponent(story.id)}/export.html`)} download>
          Download as HTML
        </a>
        <button type="button" className="link" aria-expanded={showEmbed} onClick={() => setShowEmbed((v) => !v)}>
          Embed
        </button>
      </div>
      {showEmbed && (
        <div className="story-embed">
          {canWrite && (
            <label className="story-public">
              <input type="checkbox" checked={draftPublic} onChange={(e) => onPublicChange(e.target.checked)} /> Public: anyone with the link can read this story, without logging in
            </label>
          )}
          {story.public ? (
            <>
              <label className="story-field">
                <span>Embed code</span>
                <textarea readOnly rows={3} value={snippet} onFocus={(e) => e.target.select()} />
              </label>
              <div className="panel-actions">
                <button type="button" className="link" onClick={copy}>
                  Copy embed code
                </button>
                <span role="status">{copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copying failed: select the code and copy it yourself' : ''}</span>
              </div>
            </>
          ) : (
            <p className="panel-status">Not public: the embed shows only stories saved as public.</p>
          )}
        </div>
      )}
    </section>
  );
}
