import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { App } from '../server/app-env.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built web app from `root`: files by path, everything else gets
 * index.html (the app routes by hash). A missing build gets a plain explanation.
 *
 * @example
 * registerStaticRoutes(app, 'web/dist');
 */
export function registerStaticRoutes(app: App, root: string): void {
  const base = resolve(root);
  app.get('*', (c) => {
    const path = normalize(decodeURIComponent(c.req.path)).replace(/^(\.\.[/\\])+/, '');
    const file = join(base, path);
    if (file.startsWith(base) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    const index = join(base, 'index.html');
    if (!existsSync(index)) {
      return c.text(
        'The web app is not built yet: run `npm run build:web` (npm start does this for you). The API is at /api and its reference at /api/docs.',
        503,
      );
    }
    return c.body(readFileSync(index), 200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
  });
}
