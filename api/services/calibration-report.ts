import { CALIBRATION_TARGET } from '../../models/calibration/widening-factor.ts';
import { EVIDENCE_RESOLUTION_SHARE } from '../../models/calibration/resolve-value.ts';
import { estimatorCalibration } from '../../models/calibration/estimator-calibration.ts';
import { type ResolvedRange, resolvedRanges } from '../../models/calibration/resolved-ranges.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import type { CalibrationResource } from '../../models/contract/calibration-resources.ts';
import type { Queryable } from '../storage/database.ts';
import { listActualValues } from './actuals-values-store.ts';
import { listCases } from './case-store.ts';
import { portfolioFactors } from './portfolio-rules.ts';

/**
 * Scores every estimator's resolved 90 % ranges across the portfolio: the current version
 * of each case that is not archived and validates (a draft has no settled range yet), its
 * post-launch actuals grouped by series.
 *
 * @example
 * const { estimators } = await calibrationReport(services.db);
 */
export async function calibrationReport(db: Queryable): Promise<CalibrationResource> {
  const ranges: ResolvedRange[] = [];
  let cases = 0;
  let estimatedInputs = 0;
  // "Evidence tight enough" weighs evidence as the portfolio does now.
  const factors = await portfolioFactors(db);
  for (const record of await listCases(db, { includeArchived: false })) {
    const result = validateCase(record.document);
    if (!result.ok) continue;
    cases++;
    const inputs = Object.values(result.case.inputs);
    const estimated = inputs.filter((input) => input.estimate).length;
    estimatedInputs += estimated;
    if (estimated === 0) continue;
    const actuals: Record<string, number[]> = {};
    for (const row of await listActualValues(db, record.id)) (actuals[row.series] ??= []).push(row.value);
    ranges.push(...resolvedRanges({ id: record.id, name: record.name }, result.case, actuals, factors));
  }
  return {
    target: CALIBRATION_TARGET,
    evidenceResolutionShare: EVIDENCE_RESOLUTION_SHARE,
    cases,
    estimatedInputs,
    estimators: estimatorCalibration(ranges),
  };
}
