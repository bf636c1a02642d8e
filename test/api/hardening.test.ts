import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { createCase } from '../../api/services/case-store.ts';
import { MAX_JSON_DEPTH } from '../../api/server/text-scan.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/document-processing.json', import.meta.url), 'utf8'));
const TOO_BIG = 2_147_483_648; // 2^31: one past the 32-bit version column

async function problemOf(response: Response): Promise<{ status: number; detail: string; paths: string[] }> {
  const body = await response.json();
  return { status: response.status, detail: body.detail, paths: [...new Set<string>((body.errors ?? []).map((error: { path: string }) => error.path))] };
}

describeEachStorage('hardening (%s)', (storage) => {
  let t: TestApp;
  let caseId: string;
  let runId: string;

  beforeAll(async () => {
    t = await buildTestApp(storage);
    const created = await t.call('POST', '/api/cases', { body: fixture, role: 'editor' });
    expect(created.status).toBe(201);
    caseId = (await created.json()).id;
    const run = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 500, seed: 3 }, role: 'editor' });
    expect(run.status).toBe(201);
    runId = (await run.json()).id;
  });
  afterAll(() => t.close());

  describe('F1: numbers beyond the 32-bit columns are refused at the edge, naming the parameter', () => {
    it('in paths, queries and If-Match', async () => {
      expect(await problemOf(await t.call('GET', `/api/cases/${caseId}/versions/${TOO_BIG}`))).toMatchObject({ status: 400, paths: ['version'] });
      expect((await t.call('GET', `/api/cases/${caseId}/versions/2147483647`)).status).toBe(404);
      expect(await problemOf(await t.call('GET', `/api/cases/${caseId}/diff?from=1&to=${TOO_BIG}`))).toMatchObject({ status: 400, paths: ['to'] });
      expect(await problemOf(await t.call('GET', `/api/cases/${caseId}/export.json?version=${TOO_BIG}`))).toMatchObject({
        status: 400,
        paths: ['query:/version'],
      });
      const put = await t.call('PUT', `/api/cases/${caseId}`, { body: fixture, role: 'editor', headers: { 'If-Match': `"v${TOO_BIG}"` } });
      expect(await problemOf(put)).toMatchObject({ status: 400, paths: ['If-Match'] });
    });

    it('in bodies: compare versions and seeds, run versions, trials and seeds', async () => {
      const compare = await t.call('POST', '/api/compare', { body: { a: { caseId, version: TOO_BIG }, b: { caseId } }, role: 'editor' });
      expect(await problemOf(compare)).toMatchObject({ status: 400, paths: ['/a/version'] });
      const seed = await t.call('POST', '/api/compare', { body: { a: { caseId }, b: { caseId }, seed: 2 ** 53 }, role: 'editor' });
      expect(await problemOf(seed)).toMatchObject({ status: 400, paths: ['/seed'] });
      for (const [field, value] of [
        ['version', TOO_BIG],
        ['trials', TOO_BIG],
        ['seed', 2 ** 53],
      ] as const) {
        const run = await t.call('POST', `/api/cases/${caseId}/runs`, { body: { [field]: value }, role: 'editor' });
        expect(await problemOf(run), field).toMatchObject({ status: 400, paths: [`/${field}`] });
      }
    });
  });

  describe('F3: NUL and lone surrogates are refused in every text field; analysis settings are checked per kind', () => {
    it('in case documents, with the JSON pointer of the field', async () => {
      const named = await t.call('POST', '/api/cases', { body: { ...fixture, name: 'Claims\u0000intake' }, role: 'editor' });
      expect(await problemOf(named)).toMatchObject({ status: 422, paths: ['/name'] });
      const sponsor = await t.call('POST', '/api/cases', { body: { ...fixture, ownership: { ...fixture.ownership, sponsor: 'CFO \ud800' } }, role: 'editor' });
      expect(await problemOf(sponsor)).toMatchObject({ status: 422, paths: ['/ownership/sponsor'] });
      const locale = await t.call('POST', '/api/import', { body: { ...fixture, locale: '\udc00en-GB' }, role: 'editor' });
      expect(await problemOf(locale)).toMatchObject({ status: 422, paths: ['/locale'] });
      const key = await t.call('POST', '/api/cases', { body: { ...fixture, 'x\u0000': 1 }, role: 'editor' });
      expect(await problemOf(key)).toMatchObject({ status: 422, paths: ['/x\u0000'] });
      // A well-formed pair (an emoji) is ordinary text.
      expect((await t.call('POST', '/api/cases', { body: { ...fixture, name: 'Claims intake \u{1F600}' }, role: 'editor' })).status).toBe(201);
    });

    it('in query strings, decisions, actuals and token names', async () => {
      const put = await t.call('PUT', `/api/cases/${caseId}?message=a%00b`, { body: fixture, role: 'editor', headers: { 'If-Match': '"v1"' } });
      expect(await problemOf(put)).toMatchObject({ status: 400, paths: ['query:message'] });
      const decision = await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { decision: 'stop', rationale: 'no\u0000', runId } });
      expect(await problemOf(decision)).toMatchObject({ status: 422, paths: ['/rationale'] });
      const actual = await t.call('POST', `/api/cases/${caseId}/actuals`, {
        body: { metric: 'docsPerMonth', value: 1, measuredOn: '2020-01-01', note: '\ud800' },
        role: 'editor',
      });
      expect(await problemOf(actual)).toMatchObject({ status: 422, paths: ['/note'] });
      const token = await t.call('POST', '/api/tokens', { body: { name: 'bot\u0000', role: 'viewer' }, role: 'admin' });
      expect(await problemOf(token)).toMatchObject({ status: 422, paths: ['/name'] });
    });

    it('in analysis outputs; break-even, VOI and the gate accept only npv; settings a kind ignores are named', async () => {
      for (const output of ['\u0000', '\ud800']) {
        const response = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'breakeven', output }, role: 'editor' });
        expect(await problemOf(response)).toMatchObject({ status: 422, paths: ['/output'] });
      }
      for (const kind of ['breakeven', 'voi', 'gate']) {
        const response = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind, output: 'zzz' }, role: 'editor' });
        const problem = await problemOf(response);
        expect(problem, kind).toMatchObject({ status: 422, paths: ['/output'] });
        expect(problem.detail).toContain('valid outputs: npv');
      }
      const tornado = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'tornado', output: 'zzz' }, role: 'editor' });
      expect(await problemOf(tornado)).toMatchObject({ status: 422, paths: ['/output'] });
      const misplaced = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'tornado', baseSamples: 512 }, role: 'editor' });
      expect(await problemOf(misplaced)).toMatchObject({ status: 422, paths: ['/baseSamples'] });
      // Nothing was stored by the refused requests.
      expect((await (await t.call('GET', `/api/runs/${runId}/analyses`)).json()).items).toHaveLength(0);
      expect((await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'breakeven', output: 'npv' }, role: 'editor' })).status).toBe(201);
    });

    it('bounds JSON nesting before any recursive work, and formats deep-but-allowed documents', async () => {
      const nested = (depth: number): unknown => {
        let value: unknown = 'normal';
        for (let i = 0; i < depth; i++) value = [value];
        return value;
      };
      const deep = structuredClone(fixture);
      // Built as text: serialising 5,000 levels would overflow this test's own stack.
      deep.inputs.intakeClerks.distribution.type = 'PLACEHOLDER';
      const text = JSON.stringify(deep).replace('"PLACEHOLDER"', `${'['.repeat(5000)}"normal"${']'.repeat(5000)}`);
      const refused = await problemOf(await t.call('POST', '/api/cases', { body: text, role: 'editor' }));
      expect(refused.status).toBe(422);
      expect(refused.detail).toContain(`${MAX_JSON_DEPTH} levels`);
      deep.inputs.intakeClerks.distribution.type = nested(40);
      const invalid = await problemOf(await t.call('POST', '/api/cases', { body: deep, role: 'editor' }));
      expect(invalid).toMatchObject({ status: 422, paths: ['/inputs/intakeClerks/distribution/type'] });
      // The model check itself copes with any depth (the CLI reads files without the API's limit).
      deep.inputs.intakeClerks.distribution.type = nested(5000);
      const direct = validateCase(deep);
      expect(direct.ok).toBe(false);
      if (!direct.ok) expect(direct.issues[0]).toMatchObject({ path: '/inputs/intakeClerks/distribution/type', message: expect.stringContaining('an array') });
    });
  });

  describe('F7: JSON bodies only (415), in both modes', () => {
    it('refuses other content types, and a declared non-JSON type even without a body', async () => {
      const text = await t.call('POST', '/api/cases', { body: JSON.stringify(fixture), role: 'editor', headers: { 'Content-Type': 'text/plain' } });
      expect(text.status).toBe(415);
      const form = await t.call('POST', `/api/cases/${caseId}/archive`, { role: 'editor', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      expect(form.status).toBe(415);
      const runs = await t.call('POST', `/api/cases/${caseId}/runs`, { body: '{"trials":100}', role: 'editor', headers: { 'Content-Type': 'text/plain' } });
      expect(runs.status).toBe(415);
      expect((await (await t.call('GET', `/api/cases/${caseId}`)).json()).archived).toBe(false);
    });
  });

  describe('F8: separation of duties', () => {
    it('refuses approver tokens issued to oneself, directly or through a token one issued, and names the person in decisions', async () => {
      const self = await t.call('POST', '/api/tokens', { body: { name: 'my approver', role: 'approver', person: 'ADMIN  (test)' }, role: 'admin' });
      expect(await problemOf(self)).toMatchObject({ status: 422, paths: ['/person'] });
      const anonymous = await t.call('POST', '/api/tokens', { body: { name: 'who approver', role: 'approver' }, role: 'admin' });
      expect(await problemOf(anonymous)).toMatchObject({ status: 422, paths: ['/person'] });
      // Through a second admin token the admin issued: the chain still leads back.
      const bob = await (await t.call('POST', '/api/tokens', { body: { name: 'Bob admin', role: 'admin', person: 'Bob' }, role: 'admin' })).json();
      const viaBob = await t.app.request('/api/tokens', {
        method: 'POST',
        headers: { Authorization: `Bearer ${bob.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'laundered', role: 'approver', person: 'admin (test)' }),
      });
      expect(await problemOf(viaBob)).toMatchObject({ status: 422, paths: ['/person'] });

      const ada = await t.call('POST', '/api/tokens', { body: { name: 'Ada (approver)', role: 'approver', person: 'Ada Lovelace' }, role: 'admin' });
      expect(ada.status).toBe(201);
      const adaToken = await ada.json();
      expect(adaToken).toMatchObject({ person: 'Ada Lovelace', issuedBy: 'admin (test)' });
      const decided = await t.app.request(`/api/cases/${caseId}/decisions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adaToken.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'redesign', rationale: 'Benefits unproven', runId }),
      });
      expect(decided.status).toBe(201);
      expect(await decided.json()).toMatchObject({ takenBy: 'Ada Lovelace', token: { id: adaToken.id, name: 'Ada (approver)' } });
      const listed = (await (await t.call('GET', '/api/tokens', { role: 'admin' })).json()).items;
      expect(listed.find((item: { id: string }) => item.id === adaToken.id)).toMatchObject({ person: 'Ada Lovelace', issuedBy: 'admin (test)' });
    });

    it('refuses decisions with a self-issued token that reached the store anyway', async () => {
      const { createToken } = await import('../../api/services/token-store.ts');
      const { token } = await createToken(t.services.db, 'Zed approver', 'approver', undefined, { person: 'Zed', issuedByPerson: 'zed' });
      const refused = await t.app.request(`/api/cases/${caseId}/decisions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'stop', rationale: 'self-approved', runId }),
      });
      expect(refused.status).toBe(403);
      expect((await refused.json()).detail).toMatch(/separation of duties/);
    });

    it('keeps token names unique, ignoring case (409)', async () => {
      expect((await t.call('POST', '/api/tokens', { body: { name: 'Board', role: 'viewer' }, role: 'admin' })).status).toBe(201);
      const again = await t.call('POST', '/api/tokens', { body: { name: 'board', role: 'editor' }, role: 'admin' });
      expect(await problemOf(again)).toMatchObject({ status: 409, paths: ['/name'] });
    });
  });

  it('F10: a case and its first version are written together or not at all', async () => {
    const parsed = validateCase({ ...fixture, name: 'Atomic case' });
    if (!parsed.ok) throw new Error('fixture invalid');
    // A document that cannot be serialised fails between the two inserts.
    await expect(createCase(t.services.db, { bad: 1n }, parsed.case, 'test')).rejects.toThrow();
    const { rows } = await t.services.db.query<{ count: string }>(`SELECT count(*)::text AS count FROM cases WHERE name = 'Atomic case'`);
    expect(rows[0].count).toBe('0');
    const orphans = await t.services.db.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_versions v WHERE v.case_id = c.id)',
    );
    expect(orphans.rows[0].count).toBe('0');
  });

  it('F11: JSON API responses, errors and issued tokens are no-store; docs assets keep their caching', async () => {
    expect((await t.call('GET', '/api/cases')).headers.get('cache-control')).toBe('no-store');
    expect((await t.call('GET', '/api/cases/nope')).headers.get('cache-control')).toBe('no-store');
    const issued = await t.call('POST', '/api/tokens', { body: { name: 'cache probe', role: 'viewer' }, role: 'admin' });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/api/health')).headers.get('cache-control')).toBe('no-store');
    expect((await t.app.request('/api/docs/swagger-ui.css')).headers.get('cache-control')).toBe('public, max-age=86400');
  });
});
