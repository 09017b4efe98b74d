/** Adds who may call each operation to the OpenAPI document: `x-required-role`, and the two ways to authenticate. */
import { routeFor } from './route-roles.js';

type Doc = { paths?: Record<string, Record<string, Record<string, unknown>>>; components?: Record<string, unknown> };

export function withRoles<T extends Record<string, unknown>>(document: T): T {
  const doc = document as Doc;
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const expressPath = path.replace(/\{([^}]+)\}/g, ':$1');
      const requirement = routeFor(method.toUpperCase(), expressPath)?.requirement ?? 'admin';
      operation['x-required-role'] = requirement;
      operation.security = requirement === 'public' ? [] : [{ session: [] }, { token: [] }];
    }
  }
  doc.components = {
    ...doc.components,
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'tl_session', description: 'Set by POST /auth/login' },
      token: { type: 'http', scheme: 'bearer', description: 'An API token (tl_...) from POST /auth/tokens' },
    },
  };
  return document;
}
