import type { Router } from 'express';
import { contentDisposition, exportFilename } from '../../shared/contract/export-filename.js';
import { storyOperations } from '../../shared/contract/story-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { createStory, deleteStory, getStory, listStories, listVersions, restoreVersion, saveStory } from '../services/stories/story-store.js';
import { writeStoryHtml } from '../services/export/story-html.js';
import { storyPublication } from '../services/stories/story-publication.js';
import { operationRouter } from './operation-router.js';

export function storyRoutes(db: Database): Router {
  return operationRouter(storyOperations, {
    listStories: async () => ({ stories: await listStories(db) }),
    createStory: async ({ body }, req, res) => {
      const story = await createStory(db, body, authorOf(req));
      res.status(201).location(`/api/stories/${story.id}`).json(story);
    },
    getStory: ({ params: { id } }) => getStory(db, id),
    saveStory: ({ params: { id }, body: { baseVersion, ...content } }, req) => saveStory(db, id, content, baseVersion, authorOf(req)),
    deleteStory: ({ params: { id } }) => deleteStory(db, id),
    listStoryVersions: async ({ params: { id } }) => ({ versions: await listVersions(db, id) }),
    getStoryVersion: ({ params: { id, n } }) => getStory(db, id, n),
    exportStory: async ({ params: { id } }, _req, res) => {
      const publication = await storyPublication(db, id);
      const filename = exportFilename(publication.story.title, 'html', new Date().toISOString());
      res.status(200).type('html').set('Content-Disposition', contentDisposition(filename)).send(writeStoryHtml(publication));
    },
    restoreStoryVersion: ({ params: { id, n }, body: { baseVersion } }, req) => restoreVersion(db, id, n, baseVersion, authorOf(req)),
  });
}
