/**
 * GET /embed/stories/:id: a public story's page, for an iframe on any site, without a login. It sits outside /api
 * (and so outside authentication) on purpose, and serves nothing but the page: the story's data is inline and the
 * page's CSP forbids every request, so nothing else of the graph is reachable from it. Not public: 404.
 */
import express, { type Router } from 'express';
import { StoryIdParamsSchema } from '../../shared/contract/stories.js';
import type { Database } from '../db/neo4j.js';
import { PAGE_CSP } from '../services/export/html.js';
import { writeStoryHtml } from '../services/export/story-html.js';
import { publicStoryPublication } from '../services/stories/story-publication.js';
import { parse } from '../routes/validate.js';

export function storyEmbed(db: Database): Router {
  const router = express.Router();
  router.get('/embed/stories/:id', async (req, res) => {
    const { id } = parse(StoryIdParamsSchema, req.params, 'params');
    const page = writeStoryHtml(await publicStoryPublication(db, id));
    // Framable from anywhere (helmet's defaults forbid it for the app).
    res.removeHeader('X-Frame-Options');
    res.set('Content-Security-Policy', `${PAGE_CSP}; frame-ancestors *`).set('Cache-Control', 'no-cache').type('html').send(page);
  });
  return router;
}
