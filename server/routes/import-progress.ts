/**
 * `POST /api/import` and `POST /api/import/sheet` with `Accept: application/x-ndjson` (docs/export-format.md "Large
 * files", docs/spreadsheets.md "Big sheets"): the body is spooled to a temporary file (never held in memory), then
 * imported from disk while the reply streams one JSON line per progress event and ends with the summary or the
 * error. The API stays stateless: closing the connection cancels the import, whose transaction is rolled back.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { ImportEvent, ImportProgress } from '../../shared/contract/export.js';
import type { Database } from '../db/neo4j.js';
import { AppError, toAppError } from '../errors.js';
import { importFromDisk, type ImportOptions } from '../services/import/index.js';

export const NDJSON = 'application/x-ndjson';
/** Streamed bodies may be far larger than whole ones: 4 GB. */
const STREAMED_BODY_LIMIT = 4 * 2 ** 30;

export const wantsProgress = (req: Request) => (req.get('accept') ?? '').includes(NDJSON);

/** The request body parser for imports that do not stream. */
export function unlessStreamed(parser: RequestHandler): RequestHandler {
  return (req, res, next) => (wantsProgress(req) ? next() : parser(req, res, next));
}

type Query = ImportOptions & { preview: boolean; skipBadRows: boolean };

export function importWithProgress(db: Database, query: Query, req: Request, res: Response): Promise<void> {
  return withProgress(req, res, (file, hooks) => importFromDisk(db, file, { ...query, ...hooks }));
}

/** What a streamed import is given besides its file: the cancel and where its progress goes. */
export interface ProgressHooks { signal: AbortSignal; onProgress: (progress: ImportProgress) => void }
type StreamEvent<Summary> = ImportProgress | { type: 'summary'; summary: Summary } | Extract<ImportEvent, { type: 'error' }>;

/** Spools the body, then runs the import of the file while the reply streams its progress, then its end. */
export async function withProgress<Summary>(req: Request, res: Response, run: (file: string, hooks: ProgressHooks) => Promise<Summary>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'threadline-import-'));
  try {
    const file = path.join(dir, 'body');
    await pipeline(req, limited(STREAMED_BODY_LIMIT), createWriteStream(file));
    const cancel = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) cancel.abort(new AppError('bad_request', 'The client closed the connection: the import was cancelled and nothing was written.'));
    });
    res.status(200).type(NDJSON).set('Cache-Control', 'no-store');
    res.flushHeaders();
    const send = (event: StreamEvent<Summary>) => res.write(`${JSON.stringify(event)}\n`);
    try {
      const summary = await run(file, { signal: cancel.signal, onProgress: send });
      send({ type: 'summary', summary });
    } catch (err) {
      const error = toAppError(err);
      if (error.code === 'internal') req.log?.error({ err }, 'internal error in a streamed import');
      send({ type: 'error', status: error.status, error: { code: error.code, message: error.message, details: error.details } });
    }
    res.end();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Passes the bytes through, failing with 413 past `limit`. */
function limited(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new AppError('payload_too_large', `The file is larger than ${limit / 2 ** 30} GB.`) : null, chunk);
    },
  });
}
