import { createRoute } from '@hono/zod-openapi';
import type { App } from '../server/app-env.ts';
import { calibrationReport } from '../services/calibration-report.ts';
import { errorResponses, jsonResponse } from './openapi-common.ts';

/**
 * `GET /api/calibration`: per estimator across the portfolio, the resolved 90 % ranges,
 * hit rate against the 90 % target with its Wilson 95 % interval, mean interval score and
 * the widening factor that would have made the ranges 90 % right (methods: "Estimator calibration").
 *
 * @example
 * registerCalibrationRoutes(app);
 */
export function registerCalibrationRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/calibration',
      tags: ['portfolio'],
      summary: 'Estimator calibration: how each estimator’s 90 % ranges held up once the values became known',
      responses: { 200: jsonResponse('Calibration'), ...errorResponses(401) },
    }),
    async (c) => c.json(await calibrationReport(c.get('services').db), 200),
  );
}
