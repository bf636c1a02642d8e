import { describe, expect, it } from 'vitest';
import { createTrialIrr } from '../../models/engine/trial-irr.ts';
import { irr } from '../../models/finance/irr.ts';
import { irrAll } from '../../models/finance/irr-all.ts';

/** mulberry32: a small seeded PRNG, written out here so the flows are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Monthly NPV with month m (1-based) discounted m months at the monthly rate. */
function monthlyNpv(flows: readonly number[], monthlyRate: number): number {
  return flows.reduce((sum, flow, index) => sum + flow / Math.pow(1 + monthlyRate, index + 1), 0);
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** Conventional flows: optional leading zeros, 1–6 negative months, then 6–60 positive months, optional trailing zeros. */
function conventionalFlows(random: () => number): number[] {
  const flows: number[] = [];
  const leadingZeros = random() < 0.2 ? 1 + Math.floor(random() * 3) : 0;
  for (let i = 0; i < leadingZeros; i++) flows.push(0);
  const negatives = 1 + Math.floor(random() * 6);
  for (let i = 0; i < negatives; i++) flows.push(-(1000 + random() * 19000));
  const positives = 6 + Math.floor(random() * 55);
  for (let i = 0; i < positives; i++) flows.push(100 + random() * 2900);
  if (random() < 0.2) flows.push(0, 0);
  return flows;
}

describe('createTrialIrr().solve', () => {
  const random = mulberry32(20260101);
  const vectors = Array.from({ length: 200 }, () => conventionalFlows(random));

  it('equals (1 + irr(flows))^12 − 1 for 200 random conventional cash flow vectors', () => {
    const solver = createTrialIrr(); // one solver across vectors: its warm start must not change answers
    for (const flows of vectors) {
      const expected = Math.pow(1 + irr(flows), 12) - 1;
      expectRelative(solver.solve(Float64Array.from(flows), flows.length), expected, 1e-9);
    }
  });

  it('gives the same answers from a fresh solver (warm start independence)', () => {
    const warm = createTrialIrr();
    const answers = vectors.map((flows) => warm.solve(Float64Array.from(flows), flows.length));
    vectors.forEach((flows, index) => {
      expectRelative(createTrialIrr().solve(Float64Array.from(flows), flows.length), answers[index], 1e-9);
    });
  });

  it('the rate zeroes the monthly NPV (Excel convention: month 1 discounted one month)', () => {
    const solver = createTrialIrr();
    for (const flows of vectors.slice(0, 20)) {
      const annual = solver.solve(Float64Array.from(flows), flows.length);
      const monthly = Math.pow(1 + annual, 1 / 12) - 1;
      const scale = flows.reduce((sum, flow) => sum + Math.abs(flow), 0);
      expect(Math.abs(monthlyNpv(flows, monthly)) / scale).toBeLessThan(1e-10);
    }
  });

  it('solves [−1000, 100, 1200] by the quadratic formula: monthly ≈ 14.66%', () => {
    // −1000 + 100x + 1200x² = 0 with x = 1/(1 + r): x = (−100 + √(100² + 4·1200·1000)) / 2400
    // = 0.872155…, r = 0.146586… a month. (The @example in trial-irr.ts says ≈ 0.0972, which
    // does not zero the NPV: −1000/1.0972 + 100/1.0972² + 1200/1.0972³ ≈ +80.)
    const x = (-100 + Math.sqrt(100 * 100 + 4 * 1200 * 1000)) / 2400;
    const monthly = 1 / x - 1;
    expect(monthly).toBeCloseTo(0.146586, 6);
    expectRelative(createTrialIrr().solve(new Float64Array([-1000, 100, 1200]), 3), Math.pow(1 + monthly, 12) - 1, 1e-12);
  });

  it('uses only the first `months` entries of the buffer', () => {
    const buffer = new Float64Array([-100, 110, -5000, 5000]);
    // −100 + 110/(1 + r) = 0 → r = 10% a month.
    expectRelative(createTrialIrr().solve(buffer, 2), Math.pow(1.1, 12) - 1, 1e-12);
  });

  it('−Infinity when no month is positive', () => {
    const solver = createTrialIrr();
    expect(solver.solve(new Float64Array([-100, -50, 0]), 3)).toBe(-Infinity);
    expect(solver.solve(new Float64Array([0, -1]), 2)).toBe(-Infinity);
  });

  it('+Infinity when no month is negative', () => {
    const solver = createTrialIrr();
    expect(solver.solve(new Float64Array([0, 100, 50]), 3)).toBe(Infinity);
    expect(solver.solve(new Float64Array([5]), 1)).toBe(Infinity);
  });

  it('NaN when every month is zero', () => {
    expect(createTrialIrr().solve(new Float64Array(12), 12)).toBeNaN();
  });

  it('two sign changes but one change of the cumulative (Norström): the unique positive root', () => {
    // Signs − − + + −: two changes. Cumulative −1000, −1200, −500, 300, 200: one change, ends ≠ 0.
    const flows = [-1000, -200, 700, 800, -100];
    const annual = createTrialIrr().solve(Float64Array.from(flows), flows.length);
    expect(annual).toBeGreaterThan(0);
    const monthly = Math.pow(1 + annual, 1 / 12) - 1;
    expect(Math.abs(monthlyNpv(flows, monthly))).toBeLessThan(1e-8);
    // Norström bounds the positive roots only: this vector also has a negative root. All roots
    // (finance irrAll, x = 1/(1 + r) polynomial): one negative, one positive; solve picks the positive one.
    const roots = irrAll(flows);
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBeLessThan(0);
    expectRelative(annual, Math.pow(1 + roots[1], 12) - 1, 1e-9);
  });

  it('Norström with a long tail of decommissioning cost', () => {
    const flows = [-5000, ...new Array(24).fill(400), -600];
    // Cumulative: −5000 → … → +4600 after 24 months → +4000: one sign change.
    const annual = createTrialIrr().solve(Float64Array.from(flows), flows.length);
    const monthly = Math.pow(1 + annual, 1 / 12) - 1;
    expect(monthly).toBeGreaterThan(0);
    expect(Math.abs(monthlyNpv(flows, monthly))).toBeLessThan(1e-8);
  });

  it('NaN for an ambiguous vector with two IRRs ([−1, 5, −6]: 100% and 200%)', () => {
    // −1 + 5x − 6x² = 0 → x = ½ or ⅓ → r = 1 or 2; the cumulative −1, 4, −2 changes sign twice.
    expect(monthlyNpv([-1, 5, -6], 1)).toBeCloseTo(0, 12);
    expect(monthlyNpv([-1, 5, -6], 2)).toBeCloseTo(0, 12);
    expect(createTrialIrr().solve(new Float64Array([-1, 5, -6]), 3)).toBeNaN();
    expect(createTrialIrr().solve(new Float64Array([0, -1, 5, -6, 0]), 5)).toBeNaN();
  });
});
