import type { CompiledModel } from '../formula/compile-case.ts';
import { simulate } from '../engine/simulate.ts';
import type { SimulationEnv } from '../engine/simulation-env.ts';
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
  const targetA = resolveOutput(a, outputName);
  const targetB = resolveOutput(b, outputName);
  const runA = simulate(a, { ...settings, fanTrials: 0 });
  const runB = simulate(b, { ...settings, fanTrials: 0 });
  const valuesA = analysisColumn(a, targetA.id, runA.outputs[targetA.id]);
  // Ratios and months compare across currencies as they are; money needs one currency.
  const conversion = money && targetB.unit === 'currency' ? compareCurrencies(money.currencyA, money.currencyB, money.exchangeRate) : undefined;
  const converted = conversion !== undefined && conversion.rate !== 1;
  const valuesB = converted
    ? scaled(analysisColumn(b, targetB.id, runB.outputs[targetB.id]), conversion.rate)
    : analysisColumn(b, targetB.id, runB.outputs[targetB.id]);
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
    seed: runA.env.seed,
    a: summarizeOutput(valuesA),
    b: summarizeOutput(valuesB),
    difference: summarizeOutput(difference),
    probabilityABetter: { value: probability, standardError: Math.sqrt((probability * (1 - probability)) / n) },
    sharedInputs: a.inputs.filter((input) => b.inputs.some((other) => other.name === input.name)).map((input) => input.name),
    standardErrorOfMeanDifference: {
      commonRandomNumbers: meanAndStandardError(difference).standardError,
      independentRuns: Math.sqrt((sdA * sdA + sdB * sdB) / n),
    },
    ...(converted ? { conversion } : {}),
  };
}

/** A copy of a column in another currency. */
function scaled(values: Float64Array, rate: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * rate;
  return out;
}
