import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { REASON_CATEGORIES, type ReasonCategory } from '../../models/contract/resources.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import type { Recommendation } from '../../models/gate/recommendation.ts';
import { checkActualRows } from '../services/actuals-rows.ts';
import { saveActualRows } from '../services/actuals-values-store.ts';
import { insertAnalysis } from '../services/analysis-store.ts';
import { createCase, listCases, type CaseRecord } from '../services/case-store.ts';
import { appendDecision, nameDecidedVersion } from '../services/decision-store.ts';
import { portfolioFactors } from '../services/portfolio-rules.ts';
import { startRun } from '../services/run-executor.ts';
import { getRun } from '../services/run-store.ts';
import type { Services } from './services.ts';

/**
 * A post-launch fixture (fixtures/post-launch/*.json; format in docs/api.md, "Fixtures"): a case (a
 * document of its own, or a seeded fixture by name), a run to make, whether to store its gate,
 * decisions and actual rows.
 */
export interface PostLaunchFixture {
  /** The case document to create, or `caseName` of a case loaded from fixtures/*.json. */
  case?: unknown;
  caseName?: string;
  run: { trials: number; seed: number; sampling?: 'mc' | 'lhs' };
  gate?: boolean;
  decisions?: { decision: Recommendation; rationale: string; reasonCategory?: ReasonCategory; takenAt?: string }[];
  actuals?: { month: string; series: string; value: number; note?: string }[];
}

const WHO = 'fixtures';

async function fixtureCase(services: Services, fixture: PostLaunchFixture, file: string): Promise<CaseRecord> {
  if (fixture.caseName) {
    const found = (await listCases(services.db, { includeArchived: false })).find((record) => record.name === fixture.caseName);
    if (!found) throw new Error(`post-launch fixture ${file}: no case named ${fixture.caseName}`);
    return found;
  }
  const result = validateCase(fixture.case);
  if (!result.ok) throw new Error(`post-launch fixture ${file} is invalid: ${result.issues[0].path} ${result.issues[0].message}`);
  return createCase(services.db, fixture.case, result.case, WHO, `loaded from fixtures/post-launch/${file}`);
}

/** Runs the case, stores its gate when asked, records the decisions and the actuals, through the API's services. */
async function applyFixture(services: Services, fixture: PostLaunchFixture, file: string): Promise<void> {
  const record = await fixtureCase(services, fixture, file);
  const representativenessFactors = await portfolioFactors(services.db);
  const settings = { trials: fixture.run.trials, seed: fixture.run.seed, sampling: fixture.run.sampling ?? 'lhs', representativenessFactors };
  const { run, finished } = await startRun(services, record, record.currentVersion, settings, WHO);
  await finished;
  const done = await getRun(services.db, run.id, false);
  if (done?.status !== 'succeeded') throw new Error(`post-launch fixture ${file}: the run ${done?.status ?? 'vanished'}`);
  let recommendation: string | null = null;
  if (fixture.gate) {
    const today = services.now().toISOString().slice(0, 10);
    const result = await services.jobs.submit({ type: 'analysis', document: record.document, settings, kind: 'gate', params: {}, today }).result;
    await insertAnalysis(services.db, run.id, 'gate', {}, result, WHO);
    recommendation = (result as { recommendation?: string }).recommendation ?? null;
  }
  for (const entry of fixture.decisions ?? []) {
    if (entry.reasonCategory && !REASON_CATEGORIES.includes(entry.reasonCategory)) throw new Error(`post-launch fixture ${file}: unknown reason category`);
    await services.db.transaction(async (tx) => {
      const appended = await appendDecision(tx, {
        caseId: record.id,
        caseVersion: run.caseVersion,
        caseHash: run.caseHash,
        runId: run.id,
        decision: entry.decision,
        recommendation,
        rationale: entry.rationale,
        reasonCategory: entry.reasonCategory ?? null,
        takenAt: entry.takenAt ? new Date(entry.takenAt) : undefined,
        takenBy: WHO,
      });
      await nameDecidedVersion(tx, appended);
    });
  }
  if (fixture.actuals?.length) {
    const validated = validateCase(record.document);
    if (!validated.ok) throw new Error(`post-launch fixture ${file}: the case does not validate`);
    const checked = checkActualRows(validated.case, fixture.actuals, services.now().toISOString().slice(0, 10), 0);
    if (checked.problems.length) {
      const [problem] = checked.problems;
      throw new Error(`post-launch fixture ${file}: actual ${problem.row} ${problem.column}: ${problem.message}`);
    }
    await saveActualRows(services.db, record.id, checked.rows, WHO, services.now());
  }
}

/**
 * Applies every post-launch fixture (fixtures/post-launch/*.json, in name order) after the
 * fixture cases were loaded into an empty database: runs, gates, decisions and actuals, so
 * the portfolio answers the board's four questions. A fixture that cannot be applied (e.g.
 * actuals dated after the machine's today) is skipped with its reason, so the server still starts.
 *
 * @example
 * const { applied, skipped } = await seedPostLaunch(services, new URL('../../fixtures/', import.meta.url));
 */
export async function seedPostLaunch(services: Services, fixturesDir: URL): Promise<{ applied: number; skipped: string[] }> {
  const directory = new URL('post-launch/', fixturesDir);
  if (!existsSync(directory)) return { applied: 0, skipped: [] };
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  let applied = 0;
  const skipped: string[] = [];
  for (const file of files) {
    try {
      await applyFixture(services, JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as PostLaunchFixture, file);
      applied++;
    } catch (error) {
      skipped.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { applied, skipped };
}
