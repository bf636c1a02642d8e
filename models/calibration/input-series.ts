import type { BusinessCase } from '../case/case-schema.ts';

const sameUnit = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * Which post-launch series measures an input itself: `metric:<id>` for a baseline metric in
 * the input's unit that either has the input's name as its id or is mapped to the input by
 * the value hypothesis (as `listObservableSeries` forecasts it). Inputs without one are left out.
 *
 * @example
 * inputSeries(bc) // { docsPerMonth: 'metric:docsPerMonth' }
 */
export function inputSeries(bc: Pick<BusinessCase, 'inputs' | 'baseline' | 'valueHypothesis'>): Record<string, string> {
  const map: Record<string, string> = {};
  for (const metric of bc.baseline?.metrics ?? []) {
    const mapped = bc.valueHypothesis?.expectedChanges.find((c) => c.metric === metric.id && c.input)?.input;
    for (const name of [metric.id, mapped]) {
      if (!name || !Object.hasOwn(bc.inputs, name) || Object.hasOwn(map, name)) continue;
      if (sameUnit(bc.inputs[name].unit, metric.unit)) map[name] = `metric:${metric.id}`;
    }
  }
  return map;
}
