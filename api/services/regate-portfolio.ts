import { createHash, randomUUID } from 'node:crypto';
import { validateCase } from '../../models/compile/validate-case.ts';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import type { PointEstimate } from '../../models/engine/point-estimate.ts';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import { resolveSettings, type CaseWithSettings } from '../../models/pipeline/index.ts';
import type { JobRequest, RunSettings } from '../jobs/job-types.ts';
import type { Queryable } from '../storage/database.ts';
import { insertAnalysis } from './analysis-store.ts';
import { getVersion, listCases } from './case-store.ts';
import { getRiskTiers } from './governance-settings.ts';
import { getPortfolioRules, portfolioFactors } from './portfolio-rules.ts';
import { insertRun, markEnded, markRunning, markSucceeded } from './run-store.ts';

/** One thing that changed since a case's last gate. */
export interface RegateChange {
  what: 'case version' | 'engine version' | 'rules' | 'no gate yet';
  from: string | number | null;
  to: string | number;
}

/** A case the re-gate will run and gate again, and why. */
export interface RegateTarget {
  caseId: string;
  caseName: string;
  caseVersion: number;
  changes: RegateChange[];
  previousRecommendation: string | null;
  /** The last gate's run settings (trials, seed, sampling), reused so only the changes move the numbers. */
  settings: { trials: number; seed: number; sampling: 'mc' | 'lhs' } | null;
}

/** Runs one job of the re-gate: a simulation and a gate, on a worker thread (in-process or on a queue worker). */
export type RegateRunner = (request: JobRequest) => Promise<unknown>;

/**
 * The portfolio rules' fingerprint: a gate made under other rules is stale.
 *
 * @example
 * await rulesHash(db) // 'sha256:…'
 */
export async function rulesHash(db: Queryable): Promise<string> {
  const { postLaunch, representativenessFactors } = await getPortfolioRules(db);
  const sorted = (record: object) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  // Everything that moves a gate besides the case and the engine: the post-launch rules, the
  // evidence factors and the organisation's risk tiers.
  const rules = { postLaunch: sorted(postLaunch), representativenessFactors: sorted(representativenessFactors), tiers: await getRiskTiers(db) };
  return `sha256:${createHash('sha256').update(JSON.stringify(rules)).digest('hex').slice(0, 16)}`;
}

interface LastGate {
  caseVersion: number;
  engineVersion: string;
  rulesHash: string | null;
  recommendation: string | null;
  trials: number;
  seed: number;
  sampling: 'mc' | 'lhs';
}

/** A case's last gate: a re-gate's record, or else the newest stored gate analysis (its rules unknown). */
async function lastGate(db: Queryable, caseId: string): Promise<LastGate | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT r.case_version, r.engine_version, g.rules_hash, a.recommendation, r.trials, r.seed, r.sampling, a.created_at
     FROM analyses a JOIN runs r ON r.id = a.run_id LEFT JOIN regates g ON g.analysis_id = a.id
     WHERE r.case_id = $1 AND a.kind = 'gate' ORDER BY a.created_at DESC LIMIT 1`,
    [caseId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    caseVersion: Number(row.case_version),
    engineVersion: String(row.engine_version),
    rulesHash: (row.rules_hash as string | null) ?? null,
    recommendation: (row.recommendation as string | null) ?? null,
    trials: Number(row.trials),
    seed: Number(row.seed),
    sampling: row.sampling as 'mc' | 'lhs',
  };
}

/**
 * The active cases whose case version, engine version or rules changed since their last
 * gate (or that have none), with what changed. Archived cases and drafts that do not run
 * are left alone.
 *
 * @example
 * const targets = await staleCases(db); // [{ caseName: 'Invoice triage', changes: [{ what: 'case version', from: 2, to: 3 }] }]
 */
export async function staleCases(db: Queryable): Promise<RegateTarget[]> {
  const rules = await rulesHash(db);
  const targets: RegateTarget[] = [];
  for (const record of await listCases(db, { includeArchived: false })) {
    const last = await lastGate(db, record.id);
    const changes: RegateChange[] = [];
    if (!last) changes.push({ what: 'no gate yet', from: null, to: record.currentVersion });
    else {
      if (last.caseVersion !== record.currentVersion) changes.push({ what: 'case version', from: last.caseVersion, to: record.currentVersion });
      if (last.engineVersion !== ENGINE_VERSION) changes.push({ what: 'engine version', from: last.engineVersion, to: ENGINE_VERSION });
      // A gate stored before re-gating kept no rules fingerprint: its rules are taken as today's.
      if (last.rulesHash !== null && last.rulesHash !== rules) changes.push({ what: 'rules', from: last.rulesHash, to: rules });
    }
    if (!changes.length || !validateCase(record.document).ok) continue;
    targets.push({
      caseId: record.id,
      caseName: record.name,
      caseVersion: record.currentVersion,
      changes,
      previousRecommendation: last?.recommendation ?? null,
      settings: last ? { trials: last.trials, seed: last.seed, sampling: last.sampling } : null,
    });
  }
  return targets;
}

/** What one case's re-gate produced. */
export interface RegateOutcome {
  caseId: string;
  status: 'succeeded' | 'failed';
  runId: string;
  recommendation: string | null;
  previousRecommendation: string | null;
  changes: RegateChange[];
  error?: string;
}

/**
 * Runs and gates one case again (its current version, the last gate's settings or the
 * case's own, `trials` if given) and records the run, the gate analysis (its params say
 * what changed and the previous recommendation) and a row in `regates`.
 *
 * @example
 * const outcome = await regateCase(db, (request) => pool.submit(request).result, target, '2026-12-07');
 */
export async function regateCase(db: Queryable, run: RegateRunner, target: RegateTarget, today: string, trials?: number): Promise<RegateOutcome> {
  const version = await getVersion(db, target.caseId, target.caseVersion);
  if (!version) throw new Error(`case ${target.caseId} has no version ${target.caseVersion}`);
  const document = version.document;
  const settings: RunSettings = resolveSettings(document as CaseWithSettings, {
    ...(target.settings ?? {}),
    ...(trials ? { trials } : {}),
    representativenessFactors: await portfolioFactors(db),
  });
  const tiers = await getRiskTiers(db);
  const record = await insertRun(db, {
    caseId: target.caseId,
    caseVersion: target.caseVersion,
    caseHash: version.hash,
    settings,
    engineVersion: ENGINE_VERSION,
    createdBy: 'regate',
  });
  const rules = await rulesHash(db);
  const outcome: RegateOutcome = {
    caseId: target.caseId,
    status: 'succeeded',
    runId: record.id,
    recommendation: null,
    previousRecommendation: target.previousRecommendation,
    changes: target.changes,
  };
  let analysisId: string | null = null;
  try {
    await markRunning(db, record.id);
    const simulated = (await run({ type: 'simulate', document, settings })) as { summary: RunSummary; pointEstimate: PointEstimate };
    await markSucceeded(db, record.id, simulated.summary, simulated.pointEstimate);
    const gate = (await run({ type: 'analysis', document, settings, kind: 'gate', params: {}, today, tiers })) as { recommendation?: string };
    const params = { regate: { changes: target.changes, previousRecommendation: target.previousRecommendation } };
    const analysis = await insertAnalysis(db, record.id, 'gate', params, gate, 'regate');
    analysisId = analysis.id;
    outcome.recommendation = gate.recommendation ?? null;
  } catch (error) {
    outcome.status = 'failed';
    outcome.error = (error as Error).message;
    await markEnded(db, record.id, 'failed', outcome.error);
  }
  await db.query(
    `INSERT INTO regates (id, case_id, run_id, analysis_id, case_version, engine_version, rules_hash, changes, previous_recommendation, recommendation, status, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      randomUUID(),
      target.caseId,
      record.id,
      analysisId,
      target.caseVersion,
      ENGINE_VERSION,
      rules,
      JSON.stringify(target.changes),
      target.previousRecommendation,
      outcome.recommendation,
      outcome.status,
      outcome.error ?? null,
    ],
  );
  return outcome;
}
