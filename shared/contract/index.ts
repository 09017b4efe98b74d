/** The API contract: zod schemas the server validates with, and the types the client is written against. */
export * from './errors.js';
export * from './auth.js';
export * from './explore.js';
export * from './export.js';
export * from './graph.js';
export * from './health.js';
export * from './queries.js';
export * from './views.js';
export * from './reporting.js';
export * from './stories.js';
export * from './sheet-mapping.js';
export * from './sheet-import.js';
export * from './dedup.js';
