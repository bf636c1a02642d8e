import type { BusinessCase } from '../case/case-schema.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import { inputSeries } from './input-series.ts';
import { type RangeScore, rangeScore } from './range-score.ts';
import { type Resolution, resolveValue } from './resolve-value.ts';
import { type StatedRange, statedRange } from './stated-range.ts';

/** One estimator's range whose value became known, scored. */
export interface ResolvedRange extends RangeScore {
  caseId: string;
  caseName: string;
  input: string;
  label: string;
  unit: string;
  /** Who gave the range and when. */
  by: string;
  on: string;
  range: StatedRange;
  resolution: Resolution;
}

/**
 * The scored ranges of one case: each input with an `estimate` (who and when) whose value
 * is known by the rule of `resolveValue`, with `actuals` the post-launch values per series
 * id. Inputs without an estimate, a point or discrete distribution, or no known value are left out.
 *
 * @example
 * resolvedRanges({ id: 'c1', name: 'Invoice intake' }, bc, { 'metric:docsPerMonth': [61000, 59000] })
 */
export function resolvedRanges(
  source: { id: string; name: string },
  bc: Pick<BusinessCase, 'inputs' | 'baseline' | 'valueHypothesis'>,
  actuals: Readonly<Record<string, readonly number[]>> = {},
  factors?: RepresentativenessFactors,
): ResolvedRange[] {
  const series = inputSeries(bc);
  const list: ResolvedRange[] = [];
  for (const [name, input] of Object.entries(bc.inputs)) {
    const estimate = input.estimate;
    if (!estimate) continue;
    const range = statedRange(input.distribution);
    if (!range) continue;
    const resolution = resolveValue(name, input, range, series[name] ? actuals[series[name]] : [], factors);
    if (!resolution) continue;
    const common = { caseId: source.id, caseName: source.name, input: name, label: input.label ?? name, unit: input.unit };
    list.push({ ...common, by: estimate.by, on: estimate.on, range, resolution, ...rangeScore(range, resolution.value) });
  }
  return list;
}
