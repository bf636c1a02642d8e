import { gateAnalysis, tornadoAnalysis } from '../../models/analysis/index.ts';
import type { ValidatedCase } from '../../models/compile/validate-case.ts';
import { caseHash } from '../../models/decision/case-hash.ts';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import { runCase, type RunRequest } from '../../models/pipeline/index.ts';
import { buildCaseWorkbook } from '../services/xlsx/index.ts';

/**
 * The case workbook of a case file, offline: runs the case in this thread with the
 * given settings (else the case's, else the defaults), its NPV tornado and its gate,
 * and builds the same workbook the API exports. The run is not stored: its id says so.
 *
 * @example
 * const bytes = await localWorkbook(validated, { trials: 2000, seed: 1 }, new Date());
 */
export async function localWorkbook(validated: { ok: true } & ValidatedCase, request: RunRequest, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const run = await runCase(validated.case, request, undefined, { validate: () => validated });
  const { case: bc, model, settings } = run;
  const simulation = {
    trials: settings.trials,
    seed: settings.seed,
    sampling: settings.sampling,
    representativenessFactors: settings.representativenessFactors,
  };
  const tornado = tornadoAnalysis(model, {});
  const gate = gateAnalysis(bc, model, simulation, now.toISOString().slice(0, 10), { representativenessFactors: settings.representativenessFactors });
  const at = now.toISOString();
  return buildCaseWorkbook({
    caseId: 'local',
    case: bc,
    currentVersion: 1,
    run: {
      id: 'local-run',
      caseId: 'local',
      caseVersion: 1,
      caseHash: caseHash(bc),
      status: 'succeeded',
      ...simulation,
      engineVersion: ENGINE_VERSION,
      progress: { done: settings.trials, total: settings.trials },
      summary: run.summary,
      pointEstimate: run.pointEstimate,
      createdAt: at,
      startedAt: at,
      finishedAt: at,
      createdBy: 'valuegate CLI',
    },
    tornado,
    gate: { result: gate, source: 'computed by valuegate export from the case file; not stored' },
    exportedAt: now,
  });
}
