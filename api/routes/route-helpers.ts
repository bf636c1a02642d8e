import type { Context } from 'hono';
import { validateCase, type ValidatedCase } from '../../models/compile/validate-case.ts';
import { nonFiniteAsString } from '../../models/engine/json-numbers.ts';
import { ApiError } from '../server/problem.ts';
import { requireCaseWithinSize } from '../services/case-size.ts';
import type { AppEnv } from '../server/app-env.ts';
import { MAX_INT32 } from './openapi-common.ts';

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
 * Parses a positive integer path or query parameter, or 400 naming it. The default range
 * is what a 32-bit integer column (versions) holds, so no number reaches SQL unchecked.
 *
 * @example
 * const version = integerParam(c.req.param('version'), 'version');
 */
export function integerParam(raw: string | undefined, name: string, min = 1, max = MAX_INT32): number {
  if (raw === undefined || !/^\d{1,16}$/.test(raw))
    throw new ApiError(400, `${name} must be a whole number, got ${JSON.stringify((raw ?? '').slice(0, 40))}`, [
      { path: name, message: 'must be a whole number' },
    ]);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ApiError(400, `${name} must be between ${min} and ${max}`, [{ path: name, message: `must be between ${min} and ${max}` }]);
  return value;
}

/**
 * The version an If-Match header names (`"v3"`, or weak `W/"v3"`), or 400 naming the header.
 *
 * @example
 * ifMatchVersion('"v3"') // 3
 */
export function ifMatchVersion(header: string): number {
  const match = /^(?:W\/)?"v(\d{1,16})"$/.exec(header.trim());
  if (!match)
    throw new ApiError(400, `If-Match must look like "v3", got ${JSON.stringify(header.slice(0, 40))}`, [
      { path: 'If-Match', message: 'must be an ETag like "v3"' },
    ]);
  const version = Number(match[1]);
  if (version < 1 || version > MAX_INT32) {
    throw new ApiError(400, `If-Match names version ${match[1]}; versions run from 1 to ${MAX_INT32}`, [
      { path: 'If-Match', message: `the version must be between 1 and ${MAX_INT32}` },
    ]);
  }
  return version;
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
