import { Router } from 'express';
import { OverviewQuerySchema, SearchQuerySchema, type SearchResult } from '../../shared/contract/index.js';
import type { Database } from '../db/neo4j.js';
import { overview } from '../services/overview-service.js';
import { search } from '../services/search-service.js';
import { parse } from './validate.js';

export function graphRoutes(db: Database): Router {
  return Router()
    .get('/search', async (req, res) => {
      const { q, labels, limit } = parse(SearchQuerySchema, req.query, 'query');
      const reply: SearchResult = { hits: await search(db, q, labels, limit) };
      res.json(reply);
    })
    .get('/graph/overview', async (req, res) => {
      const { limit } = parse(OverviewQuerySchema, req.query, 'query');
      res.json(await overview(db, limit));
    });
}
