import { pearson } from '../stats/pearson.ts';
import { rank } from '../stats/rank.ts';

/**
 * Spearman rank correlation of each input column with the output: the measure behind
 * @RISK-style tornado charts of correlation coefficients. The output is ranked once and
 * one rank buffer is reused across inputs. NaN for a constant input.
 *
 * @example
 * const x1 = new Float64Array([1, 2, 3, 4]);
 * const x2 = new Float64Array([4, 3, 1, 2]);
 * rankCorrelation([x1, x2], new Float64Array([1, 4, 9, 16])); // Float64Array [1, -0.8]
 */
export function rankCorrelation(inputs: readonly Float64Array[], output: Float64Array): Float64Array {
  const n = output.length;
  const outputRanks = rank(output);
  const buffer = new Float64Array(n);
  const result = new Float64Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    if (inputs[i].length !== n) throw new RangeError(`rankCorrelation: input ${i} has length ${inputs[i].length}, expected ${n}`);
    result[i] = pearson(rank(inputs[i], buffer), outputRanks);
  }
  return result;
}
