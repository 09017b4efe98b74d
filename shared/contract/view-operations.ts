/** The saved-view routes (server/routes/views.ts): viewers open views, editors save and delete them. */
import { defineOperations } from './operation.js';
import { SavedViewInputSchema, SavedViewListSchema, SavedViewSchema, ViewIdParamsSchema } from './views.js';

const savedView = { name: 'SavedView', schema: SavedViewSchema };

export const viewOperations = defineOperations({
  listViews: { method: 'get', path: '/views', role: 'viewer', tag: 'views', errors: [], summary: 'The saved canvas views, newest first', reply: { name: 'SavedViewList', schema: SavedViewListSchema } },
  saveView: { method: 'post', path: '/views', role: 'editor', tag: 'views', body: SavedViewInputSchema, errors: [400], summary: 'Save the canvas under a name (replaces a view of the same name)', reply: { ...savedView, status: 201 } },
  getView: { method: 'get', path: '/views/:id', role: 'viewer', tag: 'views', params: ViewIdParamsSchema, errors: [400, 404], summary: 'One saved view, with its encoded state', reply: savedView },
  deleteView: { method: 'delete', path: '/views/:id', role: 'editor', tag: 'views', params: ViewIdParamsSchema, errors: [400, 404], summary: 'Delete a saved view', reply: { status: 204, description: 'Deleted' } },
});
