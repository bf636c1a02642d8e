import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toJsonPointer } from '../../models/case/case-error.ts';
import { registerActualsRoutes } from '../routes/actuals-routes.ts';
import { registerAnalysisRoutes } from '../routes/analysis-routes.ts';
import { registerCalibrationRoutes } from '../routes/calibration-routes.ts';
import { registerCaseRoutes } from '../routes/case-routes.ts';
import { registerDecisionRoutes } from '../routes/decision-routes.ts';
import { registerDocsRoutes } from '../routes/docs-routes.ts';
import { registerBusinessCaseRoutes } from '../routes/business-case-routes.ts';
import { registerEvidenceRoutes } from '../routes/evidence-routes.ts';
import { registerExportRoutes } from '../routes/export-routes.ts';
import { registerImportXlsxRoutes } from '../routes/import-xlsx-routes.ts';
import { registerMetaRoutes } from '../routes/meta-routes.ts';
import { registerPortfolioRoutes } from '../routes/portfolio-routes.ts';
import { registerPortfolioRulesRoutes } from '../routes/portfolio-rules-routes.ts';
import { registerRunRoutes } from '../routes/run-routes.ts';
import { registerStaticRoutes } from '../routes/static-routes.ts';
import { registerTokenRoutes } from '../routes/token-routes.ts';
import { registerApprovalRoutes } from '../routes/approval-routes.ts';
import { registerChecklistRoutes } from '../routes/checklist-routes.ts';
import { registerGovernanceRoutes } from '../routes/governance-routes.ts';
import { registerRegistryRoutes } from '../routes/registry-routes.ts';
import type { AppEnv } from './app-env.ts';
import { authenticate } from './auth.ts';
import { jsonBodyGuard, noStore } from './json-body-guard.ts';
import { originGuard } from './origin-guard.ts';
import { ApiError, problem } from './problem.ts';
import { requestLog, type LogSink } from './request-log.ts';
import type { Services } from './services.ts';

import type { App } from './app-env.ts';

export type { App };

/** Options beyond the services. */
export interface AppOptions {
  log: LogSink;
  /** Directory of the built web app; omitted in API-only tests. */
  webRoot?: string;
}

/** Security headers: the browser worker compiles the generated kernel, so WebAssembly (and its Function fallback) may run. */
const SECURE_HEADERS: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    // The browser worker compiles the generated simulation kernel to WebAssembly, and falls
    // back to new Function for a kernel the translation does not cover.
    scriptSrc: ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * Builds the whole service: middleware, every /api route, the OpenAPI document and
 * docs page, and the web app. Tests build it for real and call `app.request(...)`.
 *
 * @example
 * const app = createApp(services, { log: () => undefined });
 * const response = await app.request('/api/health');
 */
export function createApp(services: Services, options: AppOptions): App {
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const target = (result as { target?: string }).target ?? 'request';
      const errors = result.error.issues.map((issue) => ({
        path: `${target === 'json' ? '' : `${target}:`}${toJsonPointer(issue.path)}`,
        message: issue.message.replace(/^Invalid input: /, ''),
      }));
      return c.json(problem(400, `invalid ${target === 'json' ? 'request body' : target}`, c.req.path, errors), 400, {
        'Content-Type': 'application/problem+json',
      });
    },
  });

  useMiddleware(app, services, options);

  registerDocsRoutes(app);
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/health' || c.req.path === '/api/openapi.json' || c.req.path.startsWith('/api/docs')) return next();
    return authenticate(services.db, { disabled: services.config.authDisabled })(c, next);
  });
  registerMetaRoutes(app);
  registerCaseRoutes(app);
  registerRunRoutes(app);
  registerAnalysisRoutes(app);
  registerEvidenceRoutes(app);
  registerDecisionRoutes(app);
  registerPortfolioRoutes(app);
  registerPortfolioRulesRoutes(app);
  registerCalibrationRoutes(app);
  registerExportRoutes(app);
  registerImportXlsxRoutes(app);
  registerBusinessCaseRoutes(app);
  registerTokenRoutes(app);
  registerActualsRoutes(app);
  registerGovernanceRoutes(app);
  registerChecklistRoutes(app);
  registerApprovalRoutes(app);
  registerRegistryRoutes(app);

  app.all('/api/*', (c) => c.json(problem(404, `no route ${c.req.method} ${c.req.path}`, c.req.path), 404, { 'Content-Type': 'application/problem+json' }));
  if (options.webRoot) registerStaticRoutes(app, options.webRoot);
  app.notFound((c) => c.json(problem(404, `no route ${c.req.method} ${c.req.path}`, c.req.path), 404, { 'Content-Type': 'application/problem+json' }));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(problem(error.status, error.detail, c.req.path, error.errors, error.extensions), error.status as ContentfulStatusCode, {
        'Content-Type': 'application/problem+json',
        ...error.headers,
      });
    }
    if (error instanceof HTTPException) {
      const detail =
        error.status === 415
          ? 'send the body as JSON with Content-Type: application/json'
          : error.status === 400 && /malformed json/i.test(error.message)
            ? 'the request body is not valid JSON'
            : error.message || 'request rejected';
      return c.json(problem(error.status, detail, c.req.path), error.status as ContentfulStatusCode, { 'Content-Type': 'application/problem+json' });
    }
    options.log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled error',
      path: c.req.path,
      requestId: c.get('requestId'),
      error: String((error as Error)?.stack ?? error),
    });
    return c.json(problem(500, 'internal error; the request id identifies it in the server log', c.req.path), 500, {
      'Content-Type': 'application/problem+json',
    });
  });
  return app;
}

/** Request log, no-store, services, security headers, origin guard, CORS, body limit and the JSON body guard, in that order. */
function useMiddleware(app: App, services: Services, options: AppOptions): void {
  app.use('*', requestLog(options.log));
  app.use('/api/*', noStore());
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', secureHeaders(SECURE_HEADERS));
  app.use('*', originGuard(services.config));
  if (services.config.corsOrigins.length) {
    app.use(
      '/api/*',
      cors({
        origin: services.config.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
        exposeHeaders: ['ETag', 'Location', 'X-Request-Id'],
      }),
    );
  }
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: services.config.maxBodyBytes,
      onError: (c) =>
        c.json(problem(413, `the request body is larger than ${services.config.maxBodyBytes} bytes`, c.req.path), 413, {
          'Content-Type': 'application/problem+json',
        }),
    }),
  );
  app.use('/api/*', jsonBodyGuard());
}
