/** Every route the Express app serves under /api, found by walking its router (so new routes are covered by themselves). */
import type { Express } from 'express';

interface Layer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

export interface ApiRoute {
  method: string;
  /** Express-style, relative to /api: `/nodes/:id`. */
  path: string;
}

export function apiRoutes(app: Express): ApiRoute[] {
  const found: ApiRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.push({ method: method.toUpperCase(), path: `${prefix}${layer.route.path}` });
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, `${prefix}${layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found.filter((r) => r.path.startsWith('/api/')).map((r) => ({ method: r.method, path: r.path.slice('/api'.length) }));
}
