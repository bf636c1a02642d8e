import { readFileSync } from 'node:fs';
import { minimalCase } from '../helpers/minimal-case.ts';
import type { TestApp } from '../helpers/test-app.ts';
import type { FuzzFixtures } from './fuzz-requests.ts';

/** A fixture case document by name (fixtures/<name>.json). */
export function fixtureDocument(name = 'document-processing'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

async function expectStatus(response: Response, status: number, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * Real ids for the fuzz: a fixture case, a small case with a succeeded 200-trial run,
 * a case it may archive and a token it may revoke.
 *
 * @example
 * const fixtures = await createFuzzFixtures(t);
 */
export async function createFuzzFixtures(t: TestApp): Promise<FuzzFixtures> {
  const caseDocument = fixtureDocument();
  const rich = await expectStatus(await t.call('POST', '/api/cases', { body: caseDocument, role: 'editor' }), 201, 'create fixture case');
  const small = await expectStatus(
    await t.call('POST', '/api/cases', { body: minimalCase({ name: 'Fuzz run case' }), role: 'editor' }),
    201,
    'create run case',
  );
  const archive = await expectStatus(
    await t.call('POST', '/api/cases', { body: minimalCase({ name: 'Fuzz archive case' }), role: 'editor' }),
    201,
    'create archive case',
  );
  const run = await expectStatus(await t.call('POST', `/api/cases/${small.id}/runs?wait=true`, { body: { trials: 200, seed: 1 }, role: 'editor' }), 201, 'run');
  if (run.status !== 'succeeded') throw new Error(`fixture run ended ${String(run.status)}`);
  // The export needs a succeeded run of the rich case.
  await expectStatus(
    await t.call('POST', `/api/cases/${rich.id}/runs?wait=true`, { body: { trials: 200, seed: 1 }, role: 'editor' }),
    201,
    'run of the fixture case',
  );
  const token = await expectStatus(await t.call('POST', '/api/tokens', { body: { name: 'fuzz revocable', role: 'viewer' }, role: 'admin' }), 201, 'token');
  return {
    caseId: String(rich.id),
    caseDocument,
    runCaseId: String(small.id),
    runId: String(run.id),
    metricId: 'benefitPerMonth',
    archiveCaseId: String(archive.id),
    tokenId: String(token.id),
  };
}
