/** Every operation of the API: what the server serves and gates, and what GET /api/openapi.json describes. */
import { authOperations } from './auth-operations.js';
import { dedupOperations } from './dedup-operations.js';
import { exploreOperations } from './explore-operations.js';
import { exportOperations } from './export-operations.js';
import type { ApiOperation } from './operation.js';
import { queryOperations } from './query-operations.js';
import { reportingOperations } from './reporting-operations.js';
import { sheetOperations } from './sheet-operations.js';
import { storyOperations } from './story-operations.js';
import { systemOperations } from './system-operations.js';
import { userOperations } from './user-operations.js';
import { viewOperations } from './view-operations.js';

export const API_OPERATIONS: readonly ApiOperation[] = [systemOperations, exploreOperations, queryOperations, viewOperations, authOperations, userOperations, exportOperations, sheetOperations, reportingOperations, storyOperations, dedupOperations].flatMap(
  (group) => Object.values(group),
);
