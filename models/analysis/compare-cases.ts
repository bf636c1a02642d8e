import type { CompiledModel } from '../formula/compile-case.ts';
import { runChunks } from '../engine/simulate.ts';
import { isLineTotal, type SimulationBuffers } from '../engine/simulation-buffers.ts';
import { CHUNK_SIZE, chunkCount, simulationEnv, type SimulationEnv } from '../engine/simulation-env.ts';
import { AnalysisError } from './analysis-error.ts';
import { memoBySubject, runWhole, type PartedAnalysis, type UnitRange } from './analysis-parts.ts';
import { summarizeOutput, type OutputSummary } from '../engine/summarize-output.ts';
import { meanAndStandardError } from '../stats/mean-and-standard-error.ts';
import { compareCurrencies, type CurrencyConversion } from './compare-currencies.ts';
import { analysisColumn, resolveOutput } from './output-target.ts';

export interface CompareResult {
  output: string;
  trials: number;
  seed: number;
  a: OutputSummary;
  b: OutputSummary;
  /** Per-trial A − B. */
  difference: OutputSummary;
  /** P(A > B) over trials, with its standard error. */
  probabilityABetter: { value: number; standardError: number };
  /** Inputs both cases share by name: they get identical draws (common random numbers). */
  sharedInputs: string[];
  /** Standard error of the mean difference with common random numbers, and what independent runs would give. */
  standardErrorOfMeanDifference: { commonRandomNumbers: number; independentRuns: number };
  /** Present when B's money was converted into A's currency (the output is money and the currencies differ). */
  conversion?: CurrencyConversion;
}

/** The two cases' currencies, and the rate that states B's money in A's currency when they differ. */
export interface CompareMoney {
  currencyA: string;
  currencyB: string;
  /** 1 unit of B's currency = `exchangeRate` units of A's. */
  exchangeRate?: number;
}

/**
 * Compares two cases (or two variants of one case) on one output with common random
 * numbers: the same seed, and each shared input (by name) draws from the same
 * stream, so the difference distribution reflects the change rather than sampling
 * noise. "Better" means a larger value (for payback, lower is better: A better
 * means A pays back sooner). Given the cases' currencies (`money`), a money output is
 * refused when they differ without an exchange rate (see `compareCurrencies`), and
 * with one, B's values are stated in A's currency; ratios and months need none.
 *
 * @example
 * compareCases(withCleanUp, withoutCleanUp, { trials: 20_000 }).probabilityABetter.value
 */
export function compareCases(
  a: CompiledModel,
  b: CompiledModel,
  settings: Partial<SimulationEnv> = {},
  outputName = 'npv',
  money?: CompareMoney,
): CompareResult {
  return runWhole(compareParts, { a, b, settings, output: outputName, money });
}

/** What a comparison is asked: the two models, the run settings, the output and the currencies. */
export interface CompareSubject {
  a: CompiledModel;
  b: CompiledModel;
  settings: Partial<SimulationEnv>;
  output: string;
  money?: CompareMoney;
}

const setupOf = memoBySubject((subject: CompareSubject) => {
  const targetA = resolveOutput(subject.a, subject.output);
  const targetB = resolveOutput(subject.b, subject.output);
  const { money } = subject;
  // Ratios and months compare across currencies as they are; money needs one currency.
  const conversion = money && targetB.unit === 'currency' ? compareCurrencies(money.currencyA, money.currencyB, money.exchangeRate) : undefined;
  return { targetA, targetB, conversion, env: simulationEnv({ ...subject.settings, fanTrials: 0 }) };
});

/**
 * The comparison in parts: the units are the runs' chunks (both cases, priced at twice
 * their trials); a part is the output of both cases over its chunks, the combine puts the
 * columns together and compares them.
 */
export const compareParts: PartedAnalysis<CompareSubject, CompareResult> = {
  units(subject) {
    const { env } = setupOf(subject);
    return Array.from({ length: chunkCount(env.trials) }, (_, chunk) => 2 * Math.min(CHUNK_SIZE, env.trials - chunk * CHUNK_SIZE));
  },
  part(subject, range) {
    const { env, targetA, targetB } = setupOf(subject);
    const valuesA = outputOverChunks(subject.a, env, range, targetA.id);
    const valuesB = outputOverChunks(subject.b, env, range, targetB.id);
    const data = new Float64Array(valuesA.length * 2);
    data.set(valuesA);
    data.set(valuesB, valuesA.length);
    return { meta: { first: range.first, last: range.last }, data };
  },
  combine(subject, parts) {
    const { env, targetA, targetB, conversion } = setupOf(subject);
    const rawA = new Float64Array(env.trials);
    const rawB = new Float64Array(env.trials);
    for (const part of parts) {
      const { first } = part.meta as UnitRange;
      const data = part.data ?? new Float64Array(0);
      const half = data.length / 2;
      rawA.set(data.subarray(0, half), first * CHUNK_SIZE);
      rawB.set(data.subarray(half), first * CHUNK_SIZE);
    }
    const valuesA = analysisColumn(subject.a, targetA.id, rawA);
    const converted = conversion !== undefined && conversion.rate !== 1;
    const valuesB = converted ? scaled(analysisColumn(subject.b, targetB.id, rawB), conversion.rate) : analysisColumn(subject.b, targetB.id, rawB);
    const lowerIsBetter = targetA.id === 'paybackMonth' || targetA.id === 'discountedPaybackMonth';
    const n = valuesA.length;
    const difference = new Float64Array(n);
    let better = 0;
    for (let i = 0; i < n; i++) {
      difference[i] = valuesA[i] - valuesB[i];
      if (lowerIsBetter ? difference[i] < 0 : difference[i] > 0) better++;
    }
    const probability = better / n;
    const sdA = meanAndStandardError(valuesA).sd;
    const sdB = meanAndStandardError(valuesB).sd;
    return {
      output: targetA.id,
      trials: n,
      seed: env.seed,
      a: summarizeOutput(valuesA),
      b: summarizeOutput(valuesB),
      difference: summarizeOutput(difference),
      probabilityABetter: { value: probability, standardError: Math.sqrt((probability * (1 - probability)) / n) },
      sharedInputs: subject.a.inputs.filter((input) => subject.b.inputs.some((other) => other.name === input.name)).map((input) => input.name),
      standardErrorOfMeanDifference: {
        commonRandomNumbers: meanAndStandardError(difference).standardError,
        independentRuns: Math.sqrt((sdA * sdA + sdB * sdB) / n),
      },
      ...(converted ? { conversion } : {}),
    };
  },
};

/** One output's values over chunks [first, last) of a run, as the whole run computes them. */
function outputOverChunks(model: CompiledModel, env: SimulationEnv, range: UnitRange, outputId: string): Float64Array {
  const trials = Math.min(env.trials, range.last * CHUNK_SIZE) - range.first * CHUNK_SIZE;
  const chunks = range.last - range.first;
  const correlated = model.correlation?.inputIndices.length ?? 0;
  const buffers: SimulationBuffers = {
    outputs: model.outputs.map((output) => (isLineTotal(output.group) && !env.keepLineTotals ? null : new Float64Array(trials))),
    inputs: null,
    fan: new Float64Array(0),
    fanRows: 0,
    chunkAccumulators: new Float64Array(chunks * model.accumulators.size),
    chunkCorrelations: new Float64Array(chunks * correlated * correlated),
    firstChunk: range.first,
  };
  runChunks(model, env, buffers, range.first, range.last);
  const column = buffers.outputs[model.outputs.findIndex((output) => output.id === outputId)];
  if (!column) throw new AnalysisError('output', `${outputId} is a per-line total, which a comparison does not keep per trial; compare npv, roi or a metric`);
  return column;
}

/** A copy of a column in another currency. */
function scaled(values: Float64Array, rate: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * rate;
  return out;
}
