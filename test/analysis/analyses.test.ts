import { describe, expect, it } from 'vitest';
import { breakEvenAnalysis, compareCases, sampleSensitivity, sobolAnalysis, tornadoAnalysis, valueOfInformation } from '../../models/analysis/index.ts';
import { applyVariant } from '../../models/case/apply-variant.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { linearCase, normalPdf } from './linear-case.ts';

const Z90 = 1.2815515655446004; // Φ⁻¹(0.9)

describe('tornado on NPV = 12a + 12b − setup', () => {
  const { model } = parseCase(linearCase(1000));
  const result = tornadoAnalysis(model);
  it('evaluates each input at p10/p90 with the others at their medians', () => {
    expect(result.baselineOutput).toBeCloseTo(12 * 100 + 12 * 30 - 1000, 9);
    const a = result.bars.find((bar) => bar.input === 'a')!;
    expect(a.outputAtLow).toBeCloseTo(12 * (100 - Z90 * 10) + 360 - 1000, 6);
    expect(a.outputAtHigh).toBeCloseTo(12 * (100 + Z90 * 10) + 360 - 1000, 6);
    const b = result.bars.find((bar) => bar.input === 'b')!;
    expect(b.outputAtLow).toBeCloseTo(1200 + 12 * 6 - 1000, 6);
    expect(b.swing).toBeCloseTo(12 * 48, 6);
    // Sorted by swing: b (576) before a (2·12·12.8 ≈ 307.6); fixed inputs have no bar.
    expect(result.bars.map((bar) => bar.input)).toEqual(['b', 'a']);
  });
  it('lets the user choose the percentiles', () => {
    const wide = tornadoAnalysis(model, { lowPercentile: 0.05, highPercentile: 0.95 });
    expect(wide.bars.find((bar) => bar.input === 'b')!.swing).toBeCloseTo(12 * 54, 6);
  });
});

describe('sample-based sensitivity on a linear output', () => {
  const { model } = parseCase(linearCase(1000));
  const run = simulate(model, { trials: 20_000, seed: 3, keepInputs: true });
  const result = sampleSensitivity(model, run);
  it('recovers the standardized regression coefficients and R² = 1', () => {
    // sd(NPV) = 12·√(100 + 300) = 240; SRC_a = 12·10/240, SRC_b = 12·√300/240.
    const src = Object.fromEntries(result.rows.map((row) => [row.input, row.standardizedCoefficient]));
    expect(src.a).toBeCloseTo(0.5, 2);
    expect(src.b).toBeCloseTo(Math.sqrt(300) / 20, 2);
    expect(result.regressionRSquared).toBeCloseTo(1, 9);
    expect(result.warnings).toEqual([]);
  });
});

describe('Sobol indices of an additive model', () => {
  const { model } = parseCase(linearCase(1000));
  it('match the analytic S_a = 0.25, S_b = 0.75 within 0.02 at 2^14 base samples', () => {
    const result = sobolAnalysis(model, { baseSamples: 16_384, bootstrapResamples: 50 });
    const byInput = Object.fromEntries(result.rows.map((row) => [row.input, row]));
    expect(Math.abs(byInput.a.first - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(byInput.a.total - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(byInput.b.first - 0.75)).toBeLessThan(0.02);
    expect(Math.abs(byInput.b.total - 0.75)).toBeLessThan(0.02);
    expect(result.evaluations).toBe(16_384 * 4);
  });
});

describe('break-even values', () => {
  it('finds where mean NPV crosses zero with the other inputs kept uncertain', () => {
    // Mean NPV = 12a + 12·E[b] − 1800 = 0 at a = 120 (E[b] = 30; the LHS sample mean is within 0.1).
    const { model } = parseCase(linearCase(1800));
    const rows = breakEvenAnalysis(model, { trials: 4096 });
    const a = rows.find((row) => row.input === 'a')!;
    expect(a.value).toBeCloseTo(120, 0);
    expect(a.percentile).toBeCloseTo(normalCdf(2), 2);
    // b would need E[b] = (1800 − 1200)/12 = 50, which lies inside [0, 60].
    expect(rows.find((row) => row.input === 'b')!.value).toBeCloseTo(50, 0);
  });
  it('says when no value within the range breaks even', () => {
    const { model } = parseCase(linearCase(100));
    const a = breakEvenAnalysis(model).find((row) => row.input === 'a')!;
    expect(a.value).toBeNull();
    expect(a.reason).toBe('no crossing within range');
  });
});

describe('value of information against the normal closed form', () => {
  it('EVPI of NPV ~ N(μ, σ) is σφ(μ/σ) − |μ|Φ(−|μ|/σ)', () => {
    // b fixed at 30: NPV = 12a + 360 − 1600 ~ Normal(−40, 120).
    const { case: bc, model } = parseCase(linearCase(1600, { type: 'fixed', value: 30 }));
    const run = simulate(model, { trials: 200_000, seed: 11, keepInputs: true, sampling: 'mc' });
    const result = valueOfInformation(model, { a: bc.inputs.a.measurementCost }, run);
    const mu = -40;
    const sigma = 120;
    const expected = sigma * normalPdf(mu / sigma) - Math.abs(mu) * normalCdf(-Math.abs(mu) / sigma);
    expect(Math.abs(result.evpi.value - expected)).toBeLessThan(4 * result.evpi.standardError + 0.5);
    expect(result.preferred).toBe('stop');
    // Only a is uncertain, so EVPPI(a) = EVPI; net value subtracts the measurement cost.
    const a = result.ranking[0];
    expect(a.input).toBe('a');
    expect(Math.abs(a.evppi - expected)).toBeLessThan(0.1 * expected);
    expect(a.netValue).toBeCloseTo(a.evppi - 5, 9);
  });
});

describe('comparison with common random numbers', () => {
  const { case: bc, model } = parseCase(linearCase(1000));
  it('gives an exactly zero difference for a case against itself', () => {
    const result = compareCases(model, model, { trials: 5000, seed: 2 });
    expect(result.difference.sd).toBe(0);
    expect(result.probabilityABetter.value).toBe(0);
  });
  it('isolates the removed line: A − B = 12·b on every trial', () => {
    const variant = parseCase(applyVariant(bc, 'withoutB').document);
    const result = compareCases(model, variant.model, { trials: 20_000, seed: 5 });
    expect(result.difference.mean).toBeCloseTo(360, 0);
    // sd(12·b) = 12·√300 = 207.8; with common random numbers the s.e. of the mean is sd/√n.
    expect(result.standardErrorOfMeanDifference.commonRandomNumbers).toBeCloseTo((12 * Math.sqrt(300)) / Math.sqrt(20_000), 1);
    expect(result.standardErrorOfMeanDifference.independentRuns).toBeGreaterThan(result.standardErrorOfMeanDifference.commonRandomNumbers);
    expect(result.probabilityABetter.value).toBeGreaterThan(0.99);
  });
});
