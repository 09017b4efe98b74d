/** The story routes (server/routes/stories.ts): viewers and analysts read stories, editors write them. */
import { defineOperations } from './operation.js';
import {
  StoryContentSchema,
  StoryIdParamsSchema,
  StoryListSchema,
  StoryRestoreSchema,
  StorySaveSchema,
  StorySchema,
  StoryVersionListSchema,
  StoryVersionParamsSchema,
} from './stories.js';

const story = { name: 'Story', schema: StorySchema };

export const storyOperations = defineOperations({
  listStories: { method: 'get', path: '/stories', role: 'viewer', tag: 'stories', errors: [], summary: 'The stories, last saved first', reply: { name: 'StoryList', schema: StoryListSchema } },
  createStory: {
    method: 'post', path: '/stories', role: 'editor', tag: 'stories', body: StoryContentSchema, errors: [400],
    summary: 'Create a story (version 1); every element id and citation must exist in the graph', reply: { ...story, status: 201 },
  },
  getStory: { method: 'get', path: '/stories/:id', role: 'viewer', tag: 'stories', params: StoryIdParamsSchema, errors: [400, 404], summary: 'A story at its latest version', reply: story },
  saveStory: {
    method: 'put', path: '/stories/:id', role: 'editor', tag: 'stories', params: StoryIdParamsSchema, body: StorySaveSchema, errors: [400, 404, 409],
    summary: 'Save a new version of a story; 409 when someone saved since `baseVersion`', reply: story,
  },
  deleteStory: { method: 'delete', path: '/stories/:id', role: 'editor', tag: 'stories', params: StoryIdParamsSchema, errors: [400, 404], summary: 'Delete a story and all its versions', reply: { status: 204, description: 'Deleted' } },
  listStoryVersions: {
    method: 'get', path: '/stories/:id/versions', role: 'viewer', tag: 'stories', params: StoryIdParamsSchema, errors: [400, 404],
    summary: 'Every saved version of a story, newest first', reply: { name: 'StoryVersionList', schema: StoryVersionListSchema },
  },
  getStoryVersion: { method: 'get', path: '/stories/:id/versions/:n', role: 'viewer', tag: 'stories', params: StoryVersionParamsSchema, errors: [400, 404], summary: 'A story as it was at one version', reply: story },
  exportStory: {
    method: 'get', path: '/stories/:id/export.html', role: 'viewer', tag: 'stories', params: StoryIdParamsSchema, errors: [400, 404],
    summary: 'The latest version as one self-contained HTML file: steps, captions, footnotes, sources; no network requests',
    description: 'The reply is the file, with Content-Disposition: attachment. A story marked public is also served at /embed/stories/{id} (docs/stories.md).',
    reply: { status: 200, description: 'The HTML file' },
  },
  restoreStoryVersion: {
    method: 'post', path: '/stories/:id/versions/:n/restore', role: 'editor', tag: 'stories', params: StoryVersionParamsSchema, body: StoryRestoreSchema, errors: [400, 404, 409],
    summary: 'Save an earlier version again as the newest one', reply: story,
  },
});
