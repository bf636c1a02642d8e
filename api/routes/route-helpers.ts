import type { Context } from 'hono';
import { validateCase, type ValidatedCase } from '../../models/case/parse-case.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { ApiError } from '../server/problem.ts';
import { requireCaseWithinSize } from '../services/case-size.ts';
import type { AppEnv } from '../server/app-env.ts';

/**
 * Validates a case document from a request, or throws 422 with every issue and its
 * JSON pointer (unknown fields with typo hints, bad distributions, formula errors).
 *
 * @example
 * const validated = requireValidCase(await readJson(c));
 */
export function requireValidCase(document: unknown): ValidatedCase {
  requireCaseWithinSize(document);
  const result = validateCase(document);
  if (!result.ok) {
    throw new ApiError(422, `the case document has ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`, result.issues);
  }
  return result;
}

/**
 * The JSON body, or 400 when it is missing, not JSON, or not of JSON content type.
 *
 * @example
 * const body = await readJson(c);
 */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'send the body as JSON with Content-Type: application/json');
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'the request body is not valid JSON');
  }
}

/**
 * Parses a positive integer path or query parameter, or 400 naming it.
 *
 * @example
 * const version = integerParam(c.req.param('version'), 'version');
 */
export function integerParam(raw: string | undefined, name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new ApiError(400, `${name} must be a whole number, got "${raw ?? ''}"`, [{ path: name, message: 'must be a whole number' }]);
  const value = Number(raw);
  if (value < min || value > max) throw new ApiError(400, `${name} must be between ${min} and ${max}`, [{ path: name, message: `must be between ${min} and ${max}` }]);
  return value;
}

/**
 * The ETag of a case version.
 *
 * @example
 * versionTag(3) // '"v3"'
 */
export function versionTag(version: number): string {
  return `"v${version}"`;
}

/**
 * A JSON response that keeps ±Infinity and NaN as strings (see nonFiniteAsString),
 * as stored results do, instead of JSON.stringify's silent null.
 *
 * @example
 * return jsonWithNonFinite(c, compareResult);
 */
export function jsonWithNonFinite(c: Context<AppEnv>, data: unknown, status: 200 | 201 = 200): Response {
  return c.body(JSON.stringify(data, nonFiniteAsString), status, { 'Content-Type': 'application/json; charset=UTF-8' });
}
