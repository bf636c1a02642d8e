import { COST_CATEGORIES } from '../../models/case/cost-categories.ts';
import { ApiError } from '../server/problem.ts';

/** Columns every trials.csv has besides one per benefit line and per metric: the outputs and one per cost category. */
const FIXED_COLUMNS = 12 + COST_CATEGORIES.length;

/**
 * Refuses a trials.csv whose values (trials × columns) exceed the bound, before the
 * trials are recomputed: the columns are held in memory while the file streams.
 * 422 names the limit and the computed size.
 *
 * @example
 * requireCsvWithinBound(document, run.trials, 40_000_000);
 */
export function requireCsvWithinBound(document: unknown, trials: number, limit: number): void {
  const doc = (document ?? {}) as { benefits?: unknown[]; metrics?: unknown[] };
  const columns = FIXED_COLUMNS + (Array.isArray(doc.benefits) ? doc.benefits.length : 0) + (Array.isArray(doc.metrics) ? doc.metrics.length : 0);
  const values = trials * columns;
  if (values <= limit) return;
  const detail = `the CSV would hold ${values.toLocaleString('en')} values (${trials.toLocaleString('en')} trials × about ${columns} columns), above this server's limit of ${limit.toLocaleString('en')} (VALUEGATE_MAX_CSV_VALUES); run fewer trials for the export`;
  throw new ApiError(422, detail, [{ path: '/trials', message: `${values} values exceed the limit ${limit}` }], { limit: 'csvValues', maximum: limit, values });
}
