import { BAD_AUTH, BAD_IDS, BAD_IF_MATCH, BAD_STRINGS, CONTENT_TYPES, RAW_BODIES, badValue, type FuzzRng } from './fuzz-values.ts';
import { mutateBody, serialise } from './fuzz-body.ts';

/** A JSON Schema fragment as the OpenAPI document carries it. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  description?: string;
}

/** One operation of /api/openapi.json. */
export interface Operation {
  method: string;
  path: string;
  query: { name: string; schema: JsonSchema }[];
  /** The JSON body schema; 'case' for the case document (validated in the handler). */
  body?: JsonSchema | 'case';
}

/** Ids that exist, so requests get past 404 into validation. */
export interface FuzzFixtures {
  /** A rich case (a fixture) for reads, edits, versions, diffs and exports. */
  caseId: string;
  caseDocument: Record<string, unknown>;
  /** A small case with a succeeded run, for runs, analyses, decisions, actuals and compare. */
  runCaseId: string;
  runId: string;
  metricId: string;
  /** A case the fuzz may archive, and a token it may revoke. */
  archiveCaseId: string;
  tokenId: string;
}

/** One request the fuzz sends, and what it changed from a valid one. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  mutation: string;
}

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
};

/**
 * Every operation the OpenAPI document declares, with its query parameters and JSON body.
 *
 * @example
 * const ops = operationsOf(await (await app.request('/api/openapi.json')).json());
 */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      const query = (spec.parameters ?? []).filter((parameter) => parameter.in === 'query').map(({ name, schema }) => ({ name, schema }));
      const schema = spec.requestBody?.content['application/json']?.schema;
      const body = schema ? (schema.type ? schema : 'case') : undefined;
      operations.push({ method: method.toUpperCase(), path, query, body });
    }
  }
  return operations;
}

/** If-Match placeholder: the sender puts the current ETag here. */
export const CURRENT_VERSION = '@@current@@';

/** Valid query values by parameter name, where the schema alone does not give one. */
const QUERY_VALUES: Record<string, string> = {
  limit: '5',
  offset: '0',
  driftDays: '30',
  trials: '200',
  version: '1',
  from: '1',
  to: '1',
  wait: 'true',
  message: 'fuzz',
  q: 'claims',
};
/** Valid body values by property name. */
const BODY_VALUES = (fx: FuzzFixtures): Record<string, unknown> => ({
  runId: fx.runId,
  caseId: fx.runCaseId,
  metric: fx.metricId,
  trials: 200,
  seed: 1,
  version: 1,
  name: 'fuzz token',
  role: 'viewer',
  measuredOn: '2027-03-01',
  baseSamples: 64,
  output: 'npv',
});

function validPath(op: Operation, fx: FuzzFixtures): string {
  const id = op.path.startsWith('/api/runs/')
    ? fx.runId
    : op.path.startsWith('/api/tokens/')
      ? fx.tokenId
      : op.path.endsWith('/archive')
        ? fx.archiveCaseId
        : /\/(runs|decisions|actuals)$/.test(op.path)
          ? fx.runCaseId
          : fx.caseId;
  return op.path.replace('{id}', id).replace('{version}', '1');
}

function validQuery(op: Operation): Record<string, string> {
  const query: Record<string, string> = {};
  for (const { name, schema } of op.query) {
    const value = QUERY_VALUES[name] ?? (schema.enum ? String(schema.enum[0]) : undefined);
    if (value !== undefined) query[name] = value;
  }
  return query;
}

function validValue(schema: JsonSchema, name: string, fx: FuzzFixtures): unknown {
  const known = BODY_VALUES(fx)[name];
  if (known !== undefined) return known;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, validValue(child, key, fx)]));
    case 'array':
      return [];
    case 'integer':
      return Math.max(schema.minimum ?? 1, 1);
    case 'number':
      return schema.exclusiveMinimum === 0 ? 0.5 : (schema.minimum ?? 0.5);
    case 'boolean':
      return true;
    default:
      return 'fuzz';
  }
}

/** The valid request of an operation: real ids, valid query, valid body. */
export function validRequest(
  op: Operation,
  fx: FuzzFixtures,
  token: string,
): { path: string; query: Record<string, string>; headers: Record<string, string>; body?: unknown } {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  // Resolved to the case's current ETag just before sending, so edits get past 412 into validation.
  if (op.method === 'PUT') headers['If-Match'] = CURRENT_VERSION;
  let body: unknown;
  if (op.body === 'case') body = structuredClone(fx.caseDocument);
  else if (op.body) {
    // Required properties, and the optional ones whose value this table knows: a request that passes validation.
    const full = validValue(op.body, '', fx) as Record<string, unknown>;
    body =
      op.path === '/api/runs/{id}/analyses'
        ? { kind: 'breakeven', output: 'npv' }
        : op.path === '/api/compare'
          ? { a: { caseId: fx.runCaseId }, b: { caseId: fx.runCaseId }, trials: 200 }
          : full;
  }
  return { path: validPath(op, fx), query: validQuery(op), headers, body };
}

/** Percent-encodes like encodeURIComponent, but sends a lone surrogate as its (invalid) 3-byte form instead of throwing. */
function encode(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (unit) => {
    const code = unit.charCodeAt(0);
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    return encodeURIComponent(unit);
  });
}

function queryString(query: Record<string, string>, raw = ''): string {
  const encoded = Object.entries(query).map(([key, value]) => `${encode(key)}=${encode(value)}`);
  if (raw) encoded.push(raw);
  return encoded.length ? `?${encoded.join('&')}` : '';
}

const MUTATIONS = ['field', 'field', 'field', 'drop', 'extra', 'raw-body', 'content-type', 'path-id', 'query', 'query', 'if-match', 'auth', 'method'] as const;
/** A kind of change to a valid request. */
export type MutationKind = (typeof MUTATIONS)[number];
/** A mutation chosen by the caller instead of at random (the systematic part of the plan). */
export interface ForcedMutation {
  kind: MutationKind;
  /** The bad value (a string, id, header, content type or raw body). */
  value?: string | null;
  /** The query parameter to spoil. */
  name?: string;
  /** The body field to spoil (dot-separated), instead of a random text field. */
  path?: string;
}
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/**
 * One seeded mutation of an operation's valid request: a bad field, a missing or extra
 * key, a malformed body, a wrong content type, a bad id, query or header, or a method
 * the route does not have.
 *
 * @example
 * const request = mutate(rng, op, fixtures, token);
 */
export function mutate(rng: FuzzRng, op: Operation, fx: FuzzFixtures, token: string, forced?: ForcedMutation): FuzzRequest {
  const valid = validRequest(op, fx, token);
  let { path, query, headers, body } = valid;
  let method = op.method;
  let rawQuery = '';
  let rawBody: string | undefined;
  let kind: MutationKind = forced?.kind ?? rng.pick(MUTATIONS);
  if (!forced && !op.body && ['field', 'drop', 'extra', 'raw-body', 'content-type'].includes(kind))
    kind = rng.pick(['path-id', 'query', 'auth', 'method', 'raw-body'] as const);
  if (kind === 'path-id' && !op.path.includes('{')) kind = 'query';
  if (kind === 'if-match' && method !== 'PUT') kind = 'query';
  let detail: string = kind;
  switch (kind) {
    case 'field':
    case 'drop':
    case 'extra':
      ({ body, rawBody, detail } = mutateBody(rng, kind, body, forced));
      break;
    case 'raw-body':
      rawBody = forced?.value ?? rng.pick(RAW_BODIES);
      if (method === 'GET') method = 'POST';
      headers['Content-Type'] = 'application/json';
      break;
    case 'content-type': {
      const type = forced ? (forced.value ?? null) : rng.pick(CONTENT_TYPES);
      if (type) headers['Content-Type'] = type;
      else headers['Content-Type'] = '';
      detail = `content-type ${type}`;
      break;
    }
    case 'path-id': {
      const id = forced?.value ?? rng.pick(BAD_IDS);
      path =
        op.path.includes('{version}') && rng.chance(0.5) ? validPath(op, fx).replace(/\/1$/, `/${id}`) : op.path.replace('{id}', id).replace('{version}', '1');
      detail = `path-id ${id.slice(0, 40)}`;
      break;
    }
    case 'query': {
      const names = [...op.query.map((q) => q.name), 'unknown', 'limit'];
      const name = forced?.name ?? rng.pick(names);
      const value = forced?.value ?? (rng.chance(0.3) ? String(badValue(rng)) : rng.pick(BAD_STRINGS));
      if (!forced && rng.chance(0.2)) rawQuery = `${name}=${rng.pick(['%ZZ', '%00', '%', '%ED%A0%80', '1&' + name + '=2', '', '[]=1'])}`;
      else query = { ...query, [name]: value };
      detail = `query ${name}=${value.slice(0, 40)}`;
      break;
    }
    case 'if-match':
      headers['If-Match'] = forced?.value ?? rng.pick(BAD_IF_MATCH);
      detail = `if-match ${headers['If-Match'].slice(0, 40)}`;
      break;
    case 'auth':
      if (rng.chance(0.2)) delete headers.Authorization;
      else headers.Authorization = rng.pick(BAD_AUTH);
      break;
    case 'method':
      method = rng.pick(OTHER_METHODS.filter((m) => m !== op.method));
      detail = `method ${method}`;
      break;
  }
  if (body !== undefined || rawBody !== undefined) headers['Content-Type'] ??= 'application/json';
  if (headers['Content-Type'] === '') delete headers['Content-Type'];
  const sendsBody = method !== 'GET' && method !== 'HEAD';
  const text = rawBody ?? (body !== undefined ? serialise(body) : undefined);
  return { method, url: path + queryString(query, rawQuery), headers, body: sendsBody ? text : undefined, mutation: `${op.method} ${op.path}: ${detail}` };
}
