import { isConstantDistribution } from './is-constant.ts';
import { withDefaults } from '../engine/with-defaults.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { sortTornadoBars, tornadoBars, type Tornado, type TornadoOptions } from '../sensitivity/tornado.ts';
import { memoBySubject, runWhole, type PartedAnalysis } from './analysis-parts.ts';
import { AnalysisError } from './analysis-error.ts';
import { modelEvaluator } from './model-evaluator.ts';
import { resolveOutput } from './output-target.ts';

/** Tornado settings. */
export interface TornadoSettings {
  output: string;
  lowPercentile: number;
  highPercentile: number;
}

const DEFAULTS = { output: 'npv', lowPercentile: 0.1, highPercentile: 0.9 } satisfies TornadoSettings;

/** One bar: the output with the input at its low and high percentile, others at their medians. */
export interface TornadoRow {
  input: string;
  label: string;
  unit: string;
  lowValue: number;
  highValue: number;
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

export interface TornadoResult {
  output: string;
  lowPercentile: number;
  highPercentile: number;
  /** The output with every input at its median. */
  baselineOutput: number;
  bars: TornadoRow[];
  /**
   * Inputs that vary but have no bar because their two percentiles coincide (a rare
   * chance event, say), each named with what to use instead. Constant inputs are not listed.
   */
  warnings: string[];
}

/** What a tornado is asked: the model and the settings. */
export interface TornadoSubject {
  model: CompiledModel;
  settings: Partial<TornadoSettings>;
}

const setupOf = memoBySubject((subject: TornadoSubject) => {
  const options = withDefaults<typeof DEFAULTS>(DEFAULTS, subject.settings);
  if (!(options.lowPercentile > 0 && options.lowPercentile < options.highPercentile && options.highPercentile < 1)) {
    throw new AnalysisError('percentiles', `need 0 < low < high < 1, got low ${options.lowPercentile} and high ${options.highPercentile}`);
  }
  const { model } = subject;
  const target = resolveOutput(model, options.output);
  const outputIndex = model.outputs.indexOf(target);
  const evaluator = modelEvaluator(model, { computeIrr: target.id === 'irrAnnual' });
  const distributions = evaluator.runnable.distributions;
  const tornadoOptions: TornadoOptions = {
    baseline: Float64Array.from(distributions, (d) => d.inv(0.5)),
    low: Float64Array.from(distributions, (d) => d.inv(options.lowPercentile)),
    high: Float64Array.from(distributions, (d) => d.inv(options.highPercentile)),
    evaluate: (point) => evaluator.evaluatePoint(point, outputIndex),
    names: model.inputs.map((input) => input.name),
  };
  return { options, target, distributions, tornadoOptions };
});

/**
 * The tornado in parts: one unit per input (two model evaluations each); a part is the
 * baseline output and its inputs' bars, the combine sorts all bars by swing.
 */
export const tornadoParts: PartedAnalysis<TornadoSubject, TornadoResult> = {
  units(subject) {
    setupOf(subject);
    return subject.model.inputs.map(() => 2);
  },
  part: (subject, range) => ({ meta: tornadoBars(setupOf(subject).tornadoOptions, range.first, range.last) }),
  combine(subject, parts) {
    const { model } = subject;
    const { options, target, distributions } = setupOf(subject);
    const slices = parts.map((part) => part.meta as Tornado);
    const bars = sortTornadoBars(slices.flatMap((slice) => slice.bars));
    const warnings = bars
      .filter((bar) => bar.low === bar.high && !isConstantDistribution(distributions[bar.index]))
      .map((bar) => {
        const label = model.inputs[bar.index].label ?? bar.name;
        return `${label} (${bar.name}) varies but is ${bar.low} at both p${options.lowPercentile * 100} and p${options.highPercentile * 100} (a rare event?), so it has no bar; Sobol indices or wider percentiles show its effect`;
      });
    return {
      output: target.id,
      lowPercentile: options.lowPercentile,
      highPercentile: options.highPercentile,
      baselineOutput: slices[0].baselineOutput,
      bars: bars
        .filter((bar) => bar.low !== bar.high)
        .map((bar) => ({
          input: bar.name,
          label: model.inputs[bar.index].label ?? bar.name,
          unit: model.inputs[bar.index].unit,
          lowValue: bar.low,
          highValue: bar.high,
          outputAtLow: bar.outputLow,
          outputAtHigh: bar.outputHigh,
          swing: bar.swing,
        })),
      warnings,
    };
  },
};

/**
 * Tornado: swings each input alone between two percentiles (p10 and p90 by default)
 * while the others stay at their medians; bars sorted by swing. Fixed inputs have
 * no swing and are left out; an input that varies but has the same value at both
 * percentiles (a rare event) is left out with a warning naming it.
 *
 * @example
 * tornadoAnalysis(model).bars[0].input // the input that moves NPV most
 */
export function tornadoAnalysis(model: CompiledModel, settings: Partial<TornadoSettings> = {}): TornadoResult {
  return runWhole(tornadoParts, { model, settings });
}
