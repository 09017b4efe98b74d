import type { Router } from 'express';
import { storyOperations } from '../../shared/contract/story-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { createStory, deleteStory, getStory, listStories, listVersions, restoreVersion, saveStory } from '../services/stories/story-store.js';
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
    restoreStoryVersion: ({ params: { id, n }, body: { baseVersion } }, req) => restoreVersion(db, id, n, baseVersion, authorOf(req)),
  });
}
