import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import type { App } from '../server/app-env.ts';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>valuegate API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// Kept in its own file so the page needs no inline script (the CSP forbids it).
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true,
  persistAuthorization: true, tryItOutEnabled: true, displayRequestDuration: true });`;

/**
 * The OpenAPI 3.1 document at /api/openapi.json and an interactive reference at
 * /api/docs, served from the local swagger-ui-dist package (no CDN).
 *
 * @example
 * registerDocsRoutes(app);
 */
export function registerDocsRoutes(app: App): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token: Authorization: Bearer vg_…',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'valuegate API',
      version: ENGINE_VERSION,
      description:
        'Business cases for AI pilots: versioned cases, reproducible Monte Carlo runs, sensitivity, value of information, the value-measurement gate and an append-only decision record. Errors are RFC 9457 problem documents.',
    },
    security: [{ bearer: [] }],
  });
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/:asset', (c) => {
    const asset = c.req.param('asset');
    const type = ASSETS[asset];
    if (!type) return c.notFound();
    return c.body(readFileSync(join(SWAGGER_DIR, asset)), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
