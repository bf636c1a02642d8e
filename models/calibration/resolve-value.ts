import type { InputDefinition } from '../case/case-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { EvidenceError } from '../evidence/evidence-error.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import { updateInput } from '../evidence/update-input.ts';
import type { StatedRange } from './stated-range.ts';

/** Evidence resolves a range when its posterior's 90 % interval is narrower than this share of the stated range. */
export const EVIDENCE_RESOLUTION_SHARE = 0.25;

/** How an input's value became known. */
export interface Resolution {
  value: number;
  /** `actuals`: the mean of a post-launch series of that quantity; `evidence`: the posterior mean of tight evidence. */
  by: 'actuals' | 'evidence';
  /** Months of actuals, or the evidence's effective sample size. */
  n: number;
}

/**
 * The value an input's range is scored against, by the stated rule: (b) the mean of the
 * post-launch actuals of that quantity when there are any; else (a) the mean of the
 * evidence's posterior when its 90 % interval is narrower than ¼ of the stated range.
 * Null while the value is not known (no actuals, no evidence, loose or bad evidence).
 *
 * @example
 * resolveValue('x', { unit: '', distribution: { type: 'normal', p5: 0, p95: 10 } }, { lower: 0, median: 5, upper: 10 }, [12, 14])
 * // { value: 13, by: 'actuals', n: 2 }
 */
export function resolveValue(
  name: string,
  input: Pick<InputDefinition, 'distribution' | 'evidence'>,
  range: StatedRange,
  actuals: readonly number[] = [],
  factors: RepresentativenessFactors = REPRESENTATIVENESS_FACTORS,
): Resolution | null {
  const finite = actuals.filter(Number.isFinite);
  if (finite.length > 0) return { value: finite.reduce((sum, v) => sum + v, 0) / finite.length, by: 'actuals', n: finite.length };
  if (!input.evidence) return null;
  try {
    const update = updateInput(name, input, factors);
    if (!update) return null;
    const posterior = createDistribution(update.posterior);
    const width = posterior.inv(0.95) - posterior.inv(0.05);
    if (!(width < EVIDENCE_RESOLUTION_SHARE * (range.upper - range.lower))) return null;
    return { value: posterior.mean(), by: 'evidence', n: update.effectiveN };
  } catch (error) {
    if (error instanceof EvidenceError) return null;
    throw error;
  }
}
