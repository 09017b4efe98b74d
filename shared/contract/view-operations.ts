/** The saved-view routes (server/routes/views.ts), described for the OpenAPI document. */
import type { ApiOperation } from './openapi.js';
import { SavedViewInputSchema, SavedViewListSchema, SavedViewSchema, ViewIdParamsSchema } from './views.js';

const savedView = { name: 'SavedView', schema: SavedViewSchema };

export const viewOperations: ApiOperation[] = [
  { method: 'get', path: '/views', operationId: 'listViews', tag: 'views', errors: [], summary: 'The saved canvas views, newest first', reply: { name: 'SavedViewList', schema: SavedViewListSchema } },
  { method: 'post', path: '/views', operationId: 'saveView', tag: 'views', body: SavedViewInputSchema, errors: [400], summary: 'Save the canvas under a name (replaces a view of the same name)', reply: { ...savedView, status: 201 } },
  { method: 'get', path: '/views/:id', operationId: 'getView', tag: 'views', params: ViewIdParamsSchema, errors: [400, 404], summary: 'One saved view, with its encoded state', reply: savedView },
  { method: 'delete', path: '/views/:id', operationId: 'deleteView', tag: 'views', params: ViewIdParamsSchema, errors: [400, 404], summary: 'Delete a saved view', reply: { status: 204, description: 'Deleted' } },
];
