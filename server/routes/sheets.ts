import express, { type Request, type Router } from 'express';
import { sheetOperations } from '../../shared/contract/sheet-operations.js';
import { authorOf } from '../auth/request-identity.js';
import type { Database } from '../db/neo4j.js';
import { AppError } from '../errors.js';
import { importSheet, importSheetFromDisk, previewSheet } from '../services/import/sheet/index.js';
import { deleteMapping, getMapping, listMappings, saveMapping } from '../services/import/sheet/mapping-store.js';
import { unlessStreamed, wantsProgress, withProgress } from './import-progress.js';
import { operationRouter } from './operation-router.js';

/** The spreadsheet is the raw body (CSV text or an XLSX zip), read after authentication; a streamed import spools it to disk. */
const sheetBody = express.raw({ type: () => true, limit: '25mb' });

function fileOf(req: Request): Uint8Array {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new AppError('bad_request', 'Send the spreadsheet (CSV or XLSX) as the request body.', [{ where: 'body', message: 'is empty' }]);
  return req.body;
}

export function sheetRoutes(db: Database): Router {
  return operationRouter(sheetOperations, {
    previewSheet: { before: [sheetBody], handler: ({ query: { mapping, ...options } }, req) => previewSheet(db, fileOf(req), mapping, options) },
    importSheet: {
      before: [unlessStreamed(sheetBody)],
      handler: ({ query: { mapping, ...options } }, req, res) => {
        const by = authorOf(req);
        if (wantsProgress(req)) return withProgress(req, res, (file, hooks) => importSheetFromDisk(db, file, mapping, { ...options, ...hooks, by }));
        return importSheet(db, fileOf(req), mapping, { ...options, by });
      },
    },
    listMappings: async () => ({ mappings: await listMappings(db) }),
    getMapping: ({ params: { id } }) => getMapping(db, id),
    saveMapping: async ({ params: { id }, body }, req, res) => {
      const { mapping, created } = await saveMapping(db, id, body, authorOf(req));
      res.status(created ? 201 : 200).json(mapping);
    },
    deleteMapping: ({ params: { id } }) => deleteMapping(db, id),
  });
}
