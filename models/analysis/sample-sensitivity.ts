import type { CompiledModel } from '../formula/compile-case.ts';
import type { SimulationResult } from '../engine/assemble-result.ts';
import { contributionToVariance } from '../sensitivity/contribution-to-variance.ts';
import { rankCorrelation } from '../sensitivity/rank-correlation.ts';
import { reliabilityWarnings, type ReliabilityWarning } from '../sensitivity/reliability-warnings.ts';
import { standardizedRegression } from '../sensitivity/standardized-regression.ts';
import { AnalysisError } from './analysis-error.ts';
import { isConstant } from './is-constant.ts';
import { analysisColumn, resolveOutput } from './output-target.ts';

export interface SampleSensitivityRow {
  input: string;
  label: string;
  /** Spearman rank correlation of the input with the output. */
  rankCorrelation: number;
  /** Standardized regression coefficient. */
  standardizedCoefficient: number;
  /** Signed share of variance (squared rank correlations normalised to 100%). */
  contributionToVariance: number;
}

export interface SampleSensitivityResult {
  output: string;
  trials: number;
  /** R² of the linear regression behind the standardized coefficients. */
  regressionRSquared: number;
  rows: SampleSensitivityRow[];
  warnings: ReliabilityWarning[];
}

/**
 * Sensitivity measured on the Monte Carlo sample itself (as @RISK and Crystal Ball
 * report it): Spearman rank correlation, standardized regression coefficients and
 * contribution to variance, sorted by |rank correlation|, with warnings when the
 * output is non-linear or inputs are correlated (then these measures mislead).
 * The run must have kept its inputs (`keepInputs: true`).
 *
 * @example
 * sampleSensitivity(model, simulate(model, { trials: 10_000, keepInputs: true })).rows[0]
 */
export function sampleSensitivity(model: CompiledModel, result: SimulationResult, outputName = 'npv'): SampleSensitivityResult {
  if (!result.inputs) throw new AnalysisError('keepInputs', 'the run did not keep its sampled inputs; simulate with keepInputs: true');
  const target = resolveOutput(model, outputName);
  const output = analysisColumn(model, target.id, result.outputs[target.id]);
  const varying = model.inputs.filter((input) => !isConstant(result.inputs![input.name]));
  const columns = varying.map((input) => result.inputs![input.name]);
  const rank = rankCorrelation(columns, output);
  const regression = standardizedRegression(columns, output);
  const contribution = contributionToVariance(columns, output);
  const rows = varying
    .map((input, index) => ({
      input: input.name,
      label: input.label ?? input.name,
      rankCorrelation: rank[index],
      standardizedCoefficient: regression.coefficients[index],
      contributionToVariance: contribution[index],
    }))
    .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation));
  return {
    output: target.id,
    trials: output.length,
    regressionRSquared: regression.rSquared,
    rows,
    warnings: reliabilityWarnings(columns, output, { names: varying.map((input) => input.name) }),
  };
}
