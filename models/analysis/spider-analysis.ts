import { withDefaults } from '../engine/with-defaults.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { spider } from '../sensitivity/spider.ts';
import { modelEvaluator } from './model-evaluator.ts';
import { resolveOutput } from './output-target.ts';

/** Spider settings. */
export interface SpiderSettings {
  output: string;
  /** Percentiles of each input to evaluate at (default 5%, 10%, …, 95%). */
  percentiles: number[];
}

const DEFAULTS = {
  output: 'npv',
  percentiles: Array.from({ length: 19 }, (_, i) => (i + 1) / 20),
} satisfies SpiderSettings;

export interface SpiderResult {
  output: string;
  percentiles: number[];
  baselineOutput: number;
  /** Per input (sorted by range): the input's value and the output at each percentile. */
  series: { input: string; label: string; unit: string; values: number[]; outputs: number[]; range: number }[];
}

/**
 * Spider: the output against each input's percentile (5% to 95%), the other inputs
 * at their medians. Steeper and longer lines are the stronger drivers.
 *
 * @example
 * spiderAnalysis(model).series[0].outputs.length // 19
 */
export function spiderAnalysis(model: CompiledModel, settings: Partial<SpiderSettings> = {}): SpiderResult {
  const options = withDefaults<typeof DEFAULTS>(DEFAULTS, settings);
  const target = resolveOutput(model, options.output);
  const outputIndex = model.outputs.indexOf(target);
  const evaluator = modelEvaluator(model, { computeIrr: target.id === 'irrAnnual' });
  const distributions = evaluator.runnable.distributions;
  const result = spider({
    baseline: Float64Array.from(distributions, (d) => d.inv(0.5)),
    inv: distributions.map((d) => (p: number) => d.inv(p)),
    evaluate: (point) => evaluator.evaluatePoint(point, outputIndex),
    percentiles: options.percentiles,
    names: model.inputs.map((input) => input.name),
  });
  return {
    output: target.id,
    percentiles: Array.from(result.percentiles),
    baselineOutput: result.baselineOutput,
    series: result.series
      .filter((series) => series.range > 0 || series.values[0] !== series.values[series.values.length - 1])
      .map((series) => ({
        input: series.name,
        label: model.inputs[series.index].label ?? series.name,
        unit: model.inputs[series.index].unit,
        values: Array.from(series.values),
        outputs: Array.from(series.outputs),
        range: series.range,
      }))
      .sort((a, b) => b.range - a.range),
  };
}
