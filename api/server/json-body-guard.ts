import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ApiError } from './problem.ts';
import { findUnstorableText, jsonDepthExceeds, MAX_JSON_DEPTH, unstorableText } from './text-scan.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
/** The one route that also takes CSV (post-launch actuals); it checks the text itself. */
const CSV_ROUTE = /^\/api\/cases\/[^/]+\/actuals$/;
/** The workbook upload: its route checks the content type and reads the bytes itself. */
const XLSX_ROUTE = /^\/api\/cases\/[^/]+\/import\.xlsx$/;

/** The message a non-JSON body gets (the same words as the routes' own check). */
export const JSON_ONLY = 'send the body as JSON with Content-Type: application/json';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** 400 naming the first query parameter or path segment that cannot be stored as text. */
function checkUrlText(url: string): void {
  const parsed = new URL(url);
  for (const [key, value] of parsed.searchParams) {
    const problem = unstorableText(key) ?? unstorableText(value);
    if (problem) throw new ApiError(400, `the query parameter ${JSON.stringify(key)} ${problem}`, [{ path: `query:${key}`, message: problem }]);
  }
  for (const segment of parsed.pathname.split('/')) {
    const problem = unstorableText(decodeSegment(segment));
    if (problem) throw new ApiError(400, `a path segment ${problem}`, [{ path: 'path', message: problem }]);
  }
}

/**
 * One gate for every /api route, present and future, before any schema or handler:
 *
 * - query parameters and path segments holding a NUL or a lone surrogate: 400 naming them;
 * - a mutating request whose body is not JSON (or that declares another Content-Type): 415;
 * - a JSON body nesting deeper than MAX_JSON_DEPTH: 422 naming the limit, checked on the
 *   raw text so nothing recursive ever sees it;
 * - a JSON body that does not parse: 400;
 * - any string or key in the body holding a NUL or a lone surrogate: 422 with its JSON pointer.
 *
 * The text read here stays cached on the request, so routes read the body as before.
 *
 * @example
 * app.use('/api/*', jsonBodyGuard());
 */
export function jsonBodyGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkUrlText(c.req.url);
    if (!MUTATING.has(c.req.method)) return next();
    const type = c.req.header('content-type');
    const isJson = type !== undefined && JSON_TYPE.test(type.split(';')[0].trim());
    if (c.req.method === 'POST' && type?.split(';')[0].trim().toLowerCase() === 'text/csv' && CSV_ROUTE.test(new URL(c.req.url).pathname)) return next();
    if (c.req.method === 'POST' && XLSX_ROUTE.test(new URL(c.req.url).pathname)) return next();
    if (type !== undefined && !isJson) throw new ApiError(415, JSON_ONLY);
    if (!c.req.raw.body) return next();
    const text = await c.req.text();
    if (text.length === 0) return next();
    if (!isJson) throw new ApiError(415, JSON_ONLY);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      throw new ApiError(422, `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels, the limit`, [
        { path: '', message: `nests deeper than the limit of ${MAX_JSON_DEPTH} levels` },
      ]);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'the request body is not valid JSON');
    }
    const bad = findUnstorableText(body);
    if (bad) throw new ApiError(422, `${bad.path || 'the body'} ${bad.message}`, [bad]);
    return next();
  };
}

/**
 * `Cache-Control: no-store` on every /api response that did not choose its own caching
 * (tokens, cases and results must not linger in shared or browser caches; the docs'
 * static assets keep theirs).
 *
 * @example
 * app.use('/api/*', noStore());
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.headers.has('Cache-Control')) return;
    try {
      c.res.headers.set('Cache-Control', 'no-store');
    } catch {
      // Immutable headers (a proxied response): copy the response to set it.
      const copy = new Response(c.res.body, c.res);
      copy.headers.set('Cache-Control', 'no-store');
      c.res = copy;
    }
  };
}
