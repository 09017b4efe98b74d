/** Reporting (server/routes/reporting.ts): editors add sources and claims, retract and revert; everyone reads. */
import { IdParamsSchema, SourceVersionQuerySchema } from './explore.js';
import { defineOperations } from './operation.js';
import {
  ChangeListQuerySchema,
  ChangeListSchema,
  ChangeSchema,
  ClaimInputSchema,
  EditEntityInputSchema,
  EntityMatchQuerySchema,
  EntityMatchSchema,
  ImportEntitiesQuerySchema,
  ImportEntitiesSchema,
  MergeInputSchema,
  MergePreviewQuerySchema,
  MergePreviewSchema,
  RetractInputSchema,
  SourceCreatedSchema,
  SourceDetailsSchema,
  SourceInputSchema,
  SourceListQuerySchema,
  SourceListSchema,
  SourceVersionCreatedSchema,
  SourceVersionInputSchema,
  WriteResultSchema,
} from './reporting.js';

const writeResult = { name: 'WriteResult', schema: WriteResultSchema };

export const reportingOperations = defineOperations({
  listSources: { method: 'get', path: '/sources', role: 'viewer', tag: 'reporting', query: SourceListQuerySchema, errors: [400], summary: 'The source library, newest first, filtered by words', reply: { name: 'SourceList', schema: SourceListSchema } },
  addSource: { method: 'post', path: '/sources', role: 'editor', tag: 'reporting', body: SourceInputSchema, errors: [400, 413], summary: 'Add a source from pasted text, Markdown or HTML (reduced to its article text)', reply: { name: 'SourceCreated', schema: SourceCreatedSchema, status: 201 } },
  getSource: { method: 'get', path: '/sources/:id', role: 'viewer', tag: 'reporting', params: IdParamsSchema, query: SourceVersionQuerySchema, errors: [400, 404], summary: 'A source, its text (the current version, or `?version=`), the quotes resting on it and the entities it mentions', reply: { name: 'SourceDetails', schema: SourceDetailsSchema } },
  matchEntities: { method: 'get', path: '/entities/match', role: 'viewer', tag: 'reporting', query: EntityMatchQuerySchema, errors: [400], summary: 'Existing entities a name may mean, ranked (typos, accents, initials, reversed names, aliases)', reply: { name: 'EntityMatch', schema: EntityMatchSchema } },
  addClaim: { method: 'post', path: '/claims', role: 'editor', tag: 'reporting', body: ClaimInputSchema, errors: [400, 404, 409], summary: 'Turn a verbatim quote into a relationship or a property, with new entities if needed (one transaction)', reply: { ...writeResult, status: 201 } },
  retractClaim: { method: 'delete', path: '/claims/:id', role: 'editor', tag: 'reporting', params: IdParamsSchema, body: RetractInputSchema, errors: [400, 404, 409], summary: 'Retract a quote (by evidence id) with a reason: it leaves the graph, stays in history', reply: writeResult },
  listChanges: { method: 'get', path: '/changes', role: 'viewer', tag: 'reporting', query: ChangeListQuerySchema, errors: [400], summary: 'Recent changesets, newest first; of one node, edge, quote or source with `target`', reply: { name: 'ChangeList', schema: ChangeListSchema } },
  revertChange: { method: 'post', path: '/changes/:id/revert', role: 'editor', tag: 'reporting', params: IdParamsSchema, errors: [400, 404, 409], summary: 'Undo one changeset (a new changeset); 409 when later changes depend on it', reply: { name: 'Change', schema: ChangeSchema, status: 201 } },
  getImportEntities: {
    method: 'get', path: '/changes/:id/entities', role: 'viewer', tag: 'reporting', params: IdParamsSchema, query: ImportEntitiesQuerySchema, errors: [400, 404],
    summary: 'The entities an import created or changed, the first `limit` of them with every relationship among them, and how many there are (400 for a change that is no import)',
    reply: { name: 'ImportEntities', schema: ImportEntitiesSchema },
  },
  editEntity: {
    method: 'patch',
    path: '/nodes/:id',
    role: 'editor',
    tag: 'reporting',
    params: IdParamsSchema,
    body: EditEntityInputSchema,
    errors: [400, 404, 409],
    summary: 'Edit an entity\'s name, aliases and properties, because of a quote or an editorial note; 409 when `base` is stale',
    description:
      '`base` holds the values the editor saw for the fields they change: the server compares them with the stored ones in the write\'s transaction, so of two editors who saw the same values the second gets 409, each changed field named in `details` (`body.base.name`, `body.base.properties.role`) with its value now and who changed it when; nothing is written, and the client keeps what was typed and refetches the node. A renamed entity keeps its old name as an alias unless `keepOldName` is false.',
    reply: writeResult,
  },
  addSourceVersion: { method: 'post', path: '/sources/:id/versions', role: 'editor', tag: 'reporting', params: IdParamsSchema, body: SourceVersionInputSchema, errors: [400, 404, 409, 413], summary: 'Correct a source\'s text: a new version; quotes still verbatim move to it, the others stay on theirs', reply: { name: 'SourceVersionCreated', schema: SourceVersionCreatedSchema, status: 201 } },
  previewMerge: { method: 'get', path: '/nodes/:id/merge-preview', role: 'viewer', tag: 'reporting', params: IdParamsSchema, query: MergePreviewQuerySchema, errors: [400, 404], summary: 'What merging the entity into `into` would do: relationships moved or united, quotes, aliases, conflicts', reply: { name: 'MergePreview', schema: MergePreviewSchema } },
  mergeNode: {
    method: 'post', path: '/nodes/:id/merge', role: 'editor', tag: 'reporting', params: IdParamsSchema, body: MergeInputSchema, errors: [400, 404, 409],
    summary: 'Merge the entity into `into` (one transaction, one changeset, revertable); its id then redirects there',
    description: '409 lists every conflict (`details[].where` is `body.choose.<property>` or `body.choose.kind`) until `choose` settles each; an id already merged away is a 409 naming where it went.',
    reply: writeResult,
  },
});
