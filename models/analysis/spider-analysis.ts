import { withDefaults } from '../engine/with-defaults.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { spider, type SpiderOptions } from '../sensitivity/spider.ts';
import { memoBySubject, runWhole, type PartedAnalysis } from './analysis-parts.ts';
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

/** What a spider is asked: the model and the settings. */
export interface SpiderSubject {
  model: CompiledModel;
  settings: Partial<SpiderSettings>;
}

const setupOf = memoBySubject((subject: SpiderSubject) => {
  const options = withDefaults<typeof DEFAULTS>(DEFAULTS, subject.settings);
  const { model } = subject;
  const target = resolveOutput(model, options.output);
  const outputIndex = model.outputs.indexOf(target);
  const evaluator = modelEvaluator(model, { computeIrr: target.id === 'irrAnnual' });
  const distributions = evaluator.runnable.distributions;
  const spiderOptions: SpiderOptions = {
    baseline: Float64Array.from(distributions, (d) => d.inv(0.5)),
    inv: distributions.map((d) => (p: number) => d.inv(p)),
    evaluate: (point) => evaluator.evaluatePoint(point, outputIndex),
    percentiles: options.percentiles,
    names: model.inputs.map((input) => input.name),
  };
  return { options, target, spiderOptions };
});

type SpiderSlice = {
  percentiles: number[];
  baselineOutput: number;
  series: { index: number; name: string; values: number[]; outputs: number[]; range: number }[];
};

/**
 * The spider in parts: one unit per input (one model evaluation per percentile); a part is
 * its inputs' series, the combine drops flat lines and sorts the rest by range.
 */
export const spiderParts: PartedAnalysis<SpiderSubject, SpiderResult> = {
  units(subject) {
    const { options } = setupOf(subject);
    return subject.model.inputs.map(() => options.percentiles.length);
  },
  part(subject, range) {
    const result = spider(setupOf(subject).spiderOptions, range.first, range.last);
    const slice: SpiderSlice = {
      percentiles: Array.from(result.percentiles),
      baselineOutput: result.baselineOutput,
      series: result.series.map((series) => ({ ...series, values: Array.from(series.values), outputs: Array.from(series.outputs) })),
    };
    return { meta: slice };
  },
  combine(subject, parts) {
    const { model } = subject;
    const slices = parts.map((part) => part.meta as SpiderSlice);
    return {
      output: setupOf(subject).target.id,
      percentiles: slices[0].percentiles,
      baselineOutput: slices[0].baselineOutput,
      series: slices
        .flatMap((slice) => slice.series)
        .filter((series) => series.range > 0 || series.values[0] !== series.values[series.values.length - 1])
        .map((series) => ({
          input: series.name,
          label: model.inputs[series.index].label ?? series.name,
          unit: model.inputs[series.index].unit,
          values: series.values,
          outputs: series.outputs,
          range: series.range,
        }))
        .sort((a, b) => b.range - a.range),
    };
  },
};

/**
 * Spider: the output against each input's percentile (5% to 95%), the other inputs
 * at their medians. Steeper and longer lines are the stronger drivers.
 *
 * @example
 * spiderAnalysis(model).series[0].outputs.length // 19
 */
export function spiderAnalysis(model: CompiledModel, settings: Partial<SpiderSettings> = {}): SpiderResult {
  return runWhole(spiderParts, { model, settings });
}
