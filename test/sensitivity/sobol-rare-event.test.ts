import { describe, expect, it } from 'vitest';
import { breakEvenAnalysis, sobolAnalysis } from '../../models/analysis/index.ts';
import { isConstantDistribution } from '../../models/analysis/is-constant.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { BernoulliDistribution, FixedDistribution, NormalDistribution, createDistribution } from '../../models/distributions/index.ts';
import { sobolIndices } from '../../models/sensitivity/sobol.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';
import { rareEventCase as rareEventCaseOf } from '../helpers/rare-event-case.ts';

/*
 * Y = U − L with U ~ Uniform(0, 1) and L = 1000 with probability p = 0.0009, else 0.
 * Var Y = 1/12 + 1000²·p(1 − p) = 0.0833 + 899.19 = 899.27; the model is additive, so
 * S_L = S_TL = 899.19 / 899.27 ≈ 0.99991 and S_U = S_TU ≈ 0.000093.
 * The event's p0.1 and p99.9 are both 0, which once made Sobol drop it as "constant".
 *
 * MC error, with n = 2N pooled rows: Var(s²) ≈ (μ4 − σ⁴)/n, μ4 ≈ 1000⁴·p(1 − p)(1 − 3p + 3p²),
 * so sd(V̂) ≈ 41 at N = 2^18 and 83 at N = 2^16. The first-order estimate is driven by the
 * count of events drawn (about 2·N·p): sd(Ŝ_L) ≈ 1/√(2Np) = 0.046 at 2^18, 0.092 at 2^16.
 * The total-order (Jansen) estimate sees the same events in numerator and denominator,
 * so it is far tighter. Bounds below are 4 sd.
 */
const P = 0.0009;
const LOSS = 1000;
const EVENT_VARIANCE = LOSS * LOSS * P * (1 - P);
const VARIANCE = 1 / 12 + EVENT_VARIANCE;
const S_EVENT = EVENT_VARIANCE / VARIANCE;
const S_UNIFORM = 1 / 12 / VARIANCE;

function varianceSd(rows: number): number {
  const mu4 = LOSS ** 4 * P * (1 - P) * (1 - 3 * P + 3 * P * P);
  return Math.sqrt((mu4 - EVENT_VARIANCE ** 2) / rows);
}

/** The same model as a business case (see the helper). */
const rareEventCase = (p = P) => rareEventCaseOf(p, LOSS);

describe('constant means constant', () => {
  it('calls a distribution constant only when its whole support is one point', () => {
    expect(isConstantDistribution(new FixedDistribution(3))).toBe(true);
    expect(isConstantDistribution(new BernoulliDistribution(0, 1000))).toBe(true);
    expect(isConstantDistribution(new BernoulliDistribution(1, 1000))).toBe(true);
    expect(isConstantDistribution(createDistribution({ type: 'bernoulli', p: 0.3, value: 5, truncate: { min: 1 } }))).toBe(true);
    const rare = new BernoulliDistribution(P, LOSS);
    expect(rare.inv(0.001)).toBe(rare.inv(0.999)); // the old test would have called it constant
    expect(isConstantDistribution(rare)).toBe(false);
    expect(isConstantDistribution(new NormalDistribution(0, 1))).toBe(false);
  });
});

describe('Sobol with a rare chance event (p = 0.0009 of a 1,000 loss on top of a uniform)', () => {
  it('sobolIndices: variance ≈ 899 and the event carries S ≈ S_T ≈ 0.9999 (N = 2^18)', () => {
    const N = 2 ** 18;
    const event = new BernoulliDistribution(P, LOSS);
    const r = sobolIndices({
      inputs: [(q) => q, event],
      baseSamples: N,
      model: (x, n) => {
        const y = new Float64Array(n);
        for (let j = 0; j < n; j++) y[j] = x[0][j] - x[1][j];
        return y;
      },
      rng: mulberry32(7),
      bootstrap: false,
    });
    expect(VARIANCE).toBeCloseTo(899.27, 2);
    expect(Math.abs(r.variance - VARIANCE)).toBeLessThan(4 * varianceSd(2 * N));
    expect(Math.abs(r.indices[1].first - S_EVENT)).toBeLessThan(4 / Math.sqrt(2 * N * P));
    expect(Math.abs(r.indices[1].total - S_EVENT)).toBeLessThan(0.005);
    expect(Math.abs(r.indices[0].total - S_UNIFORM)).toBeLessThan(0.00005);
    expect(r.unvaried).toEqual([]);
  });

  it('sobolAnalysis on a case keeps the event, drops only the fixed input and warns about nothing', () => {
    const { model } = parseCase(rareEventCase());
    const N = 2 ** 16;
    const result = sobolAnalysis(model, { baseSamples: N, bootstrapResamples: 50 });
    expect(Math.abs(result.outputVariance - VARIANCE)).toBeLessThan(4 * varianceSd(2 * N));
    expect(result.rows.map((row) => row.input)).toEqual(['loss', 'u']);
    const [loss, u] = result.rows;
    expect(Math.abs(loss.first - S_EVENT)).toBeLessThan(4 / Math.sqrt(2 * N * P));
    expect(Math.abs(loss.total - S_EVENT)).toBeLessThan(0.005);
    expect(Math.abs(u.total - S_UNIFORM)).toBeLessThan(0.0001);
    expect(result.evaluations).toBe(N * 4);
    expect(result.warnings).toEqual([]);
  });

  it('names an uncertain input that the sample never saw vary instead of reporting it silently', () => {
    // p = 1e-7 over 2 × 1,024 rows: the event is drawn with probability ≈ 0.0002 (not with this seed).
    const { model } = parseCase(rareEventCase(1e-7));
    const result = sobolAnalysis(model, { baseSamples: 1024, bootstrapResamples: 0 });
    expect(result.rows.map((row) => row.input).sort()).toEqual(['loss', 'u']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^loss is uncertain but took a single value in all 2,048 sampled rows/);
  });
});

describe('break-even with a rare chance event', () => {
  it('searches the event over its support instead of dropping it', () => {
    // Mean NPV = 0.5 − 1000·E[L] = 0.5 − 0.9 < 0 at p; fixing L at x gives 0.5 − x, zero at x = 0.5.
    const { model } = parseCase(rareEventCase());
    const loss = breakEvenAnalysis(model, { trials: 2048 }).find((row) => row.input === 'loss');
    expect(loss).toBeDefined();
    expect(loss!.rangeLow).toBe(0);
    expect(loss!.rangeHigh).toBe(LOSS);
    expect(loss!.value).toBeCloseTo(0.5, 1);
  });
});
