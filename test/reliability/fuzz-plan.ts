import type { Role } from '../../api/services/token-store.ts';
import { mutate, validRequest, type ForcedMutation, type FuzzFixtures, type FuzzRequest, type Operation } from './fuzz-requests.ts';
import { BAD_IDS, BAD_IF_MATCH, CONTENT_TYPES, FuzzRng, HOSTILE_STRINGS, RAW_BODIES } from './fuzz-values.ts';

/** Query values every query parameter is tried with. */
const BAD_QUERY_VALUES = [
  '',
  '-1',
  '0',
  '1.5',
  '2147483648',
  '9007199254740993',
  '1e999',
  'NaN',
  'abc',
  '\u0000',
  '\ud800',
  'x'.repeat(5000),
  '__proto__',
  'true',
];

const CASE_TEXT_FIELDS = ['name', 'description', 'ownership.sponsor', 'ownership.businessOwner', 'locale', 'benefits.0.label', 'inputs.docsPerMonth.source'];

/** Unknown routes, path traversal and broken percent-encoding. */
const UNKNOWN_PATHS = [
  '/api/../api/health',
  '/api/cases/x/y/z',
  '/api/%00',
  '/api/%ZZ',
  `/api/cases/${'a/'.repeat(500)}`,
  '/api//cases',
  '/api/openapi.json/x',
  '/api/cases/%2e%2e/%2e%2e/etc/passwd',
];

/** The mutations every operation gets, whatever the seed: each hostile string, raw body, content type, bad id, query value and If-Match. */
function systematic(op: Operation): ForcedMutation[] {
  const forced: ForcedMutation[] = [];
  if (op.body) {
    for (const value of HOSTILE_STRINGS) forced.push({ kind: 'field', value });
    // Case text fields that are also stored in their own columns (name, sponsor) or used to format (locale).
    if (op.body === 'case') for (const path of CASE_TEXT_FIELDS) for (const value of ['\u0000', '\ud800']) forced.push({ kind: 'field', value, path });
    for (const value of RAW_BODIES) forced.push({ kind: 'raw-body', value });
    for (const value of CONTENT_TYPES) forced.push({ kind: 'content-type', value });
  }
  if (op.path.includes('{')) for (const value of BAD_IDS) forced.push({ kind: 'path-id', value });
  for (const { name } of op.query) for (const value of BAD_QUERY_VALUES) forced.push({ kind: 'query', name, value });
  if (op.method === 'PUT') for (const value of BAD_IF_MATCH) forced.push({ kind: 'if-match', value });
  return forced;
}

/**
 * The fuzz's requests: for each operation the systematic mutations, then seeded random
 * ones up to `perOperation` (at least 20 random each), and a few unknown routes.
 * GET /api/portfolio goes first, while few cases exist (it simulates all of them).
 *
 * @example
 * const requests = planFuzz(operations, fixtures, t.tokens, 20261207, 110);
 */
export function planFuzz(operations: Operation[], fixtures: FuzzFixtures, tokens: Record<Role, string>, seed: number, perOperation: number): FuzzRequest[] {
  const rng = new FuzzRng(seed);
  const ordered = [...operations].sort((a, b) => Number(b.path === '/api/portfolio') - Number(a.path === '/api/portfolio'));
  const requests: FuzzRequest[] = [];
  for (const op of ordered) {
    const token = op.path.startsWith('/api/tokens') ? tokens.admin : tokens.approver;
    const forced = systematic(op);
    // Every text field of the other bodies (decision rationale, actual note, token name, analysis output…) gets a NUL and a lone surrogate.
    const body = op.body === 'case' ? undefined : validRequest(op, fixtures, token).body;
    if (body && typeof body === 'object') {
      for (const [key, value] of Object.entries(body))
        if (typeof value === 'string') for (const bad of ['\u0000', '\ud800']) forced.push({ kind: 'field', value: bad, path: key });
    }
    for (const mutation of forced) requests.push(mutate(rng, op, fixtures, token, mutation));
    for (let i = 0; i < Math.max(20, perOperation - forced.length); i++) requests.push(mutate(rng, op, fixtures, token));
  }
  for (const path of UNKNOWN_PATHS) {
    requests.push({ method: 'GET', url: path, headers: { Authorization: `Bearer ${tokens.approver}` }, mutation: `GET ${path}: unknown route` });
  }
  return requests;
}
