import { z } from '@hono/zod-openapi';

/** A problem+json response, for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), hint: z.string().optional() })).optional(),
  })
  .openapi('Problem');

/** Response entries for the error classes a route can return. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed request (bad JSON, parameter or query)',
    401: 'Missing or unknown bearer token',
    403: 'Your role may not do this',
    404: 'No such resource',
    409: 'Conflicts with the current state',
    412: 'If-Match does not match the current version; the body carries `current`',
    413: 'Request body too large',
    415: 'Body is not JSON',
    422: 'The case document is invalid; `errors` names every field',
    428: 'If-Match is required',
    429: 'Too many jobs queued or downloads open, for the server or your token; see Retry-After',
  };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } }]),
  );
}

/** A JSON response whose shape is documented by the TypeScript types in models/ and docs/api.md. */
export function jsonResponse(description: string) {
  return { description, content: { 'application/json': { schema: z.any() } } };
}

/** The largest version number (and any other count stored in a 32-bit integer column). */
export const MAX_INT32 = 2_147_483_647;

/** A case version in a JSON body: a whole number the 32-bit version column can hold. */
export const versionNumber = z.number().int().min(1).max(MAX_INT32);

/** A seed in a JSON body: any whole number JavaScript holds exactly (the column is 64-bit). */
export const seedNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '3f2b…' }) });

/** The case document in request bodies (validated in the handler for full error reports). */
export const caseBody = {
  required: true,
  content: { 'application/json': { schema: z.any().openapi({ description: 'A case document, format v1 (see schema/case.schema.json)' }) } },
};
