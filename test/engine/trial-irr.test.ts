import { describe, expect, it } from 'vitest';
import { createTrialIrr } from '../../models/engine/trial-irr.ts';
import { irr } from '../../models/finance/irr.ts';
import { irrAll } from '../../models/finance/irr-all.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

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

  /** The hints the kernel passes: the monthly log rate of a 10% discount rate, the NPV there and the undiscounted total. */
  function solveWithHints(flows: readonly number[]): number {
    const rate = Math.log(1.1) / 12;
    const npv = flows.reduce((sum, flow, index) => sum + flow * Math.exp(-(index + 1) * rate), 0);
    const total = flows.reduce((sum, flow) => sum + flow, 0);
    return createTrialIrr().solve(Float64Array.from(flows), flows.length, rate, npv, total);
  }

  /** irrAll finds exactly one rate (≈ `annualApprox`), and solve gives it with and without hints. */
  function expectTheOnlyRate(flows: readonly number[], annualApprox: number): void {
    const roots = irrAll(flows);
    expect(roots).toHaveLength(1);
    const expected = Math.pow(1 + roots[0], 12) - 1;
    expect(expected).toBeCloseTo(annualApprox, 3);
    expectRelative(createTrialIrr().solve(Float64Array.from(flows), flows.length), expected, 1e-9);
    expectRelative(solveWithHints(flows), expected, 1e-9);
  }

  it('the kernel hints (NPV at the discount rate, undiscounted total) do not change the answer', () => {
    for (const flows of vectors) expectRelative(solveWithHints(flows), createTrialIrr().solve(Float64Array.from(flows), flows.length), 1e-9);
  });

  // A trial of the finance fixture that loses most of its outlay: one sign change, so one rate
  // (irrAll: −48.80% a year). The previous solver started on the wrong side of zero, crawled
  // and gave up with NaN, so deep losses dropped out of the IRR distribution.
  const deepLoss = [
    0, 0, 0, -420820, -913389, -145795, -12432, -12432, -18089, -17842, -17403, -25145, -25935, -23853, -20773, -16727, -12173, -7852, -4372, -1919, -348, 598,
    1146, 1458, 4967, 5065, 5120, 5152, 5171, 5182, 5189, 5194, 5198, 5201, 5204, 5207, 5209, 5212, 5214, 5216, 5219, 5221, 5224, 5226, 5228, 5231, 5233, 5235,
    5238, 5240, 5243, 5245, 5247, 5250, 5252, 5254, 5257, 5259, 5262, 5264,
  ];

  it('a deep loss with one sign change gets its rate, with or without hints (−48.80% a year)', () => {
    expectTheOnlyRate(deepLoss, -0.488);
  });

  // A contact-center trial that never pays back: costs, then savings interrupted by the annual
  // penetration test in months 26 and 38. Six sign changes and a cumulative that never turns
  // positive, so neither Descartes nor Norström applies, yet there is exactly one rate (irrAll).
  const lossWithDips = [
    -9389, -301826, -331238, -21500, -99000, -68859, -25825, -25134, -23786, -21322, -17313, -11884, -3990, -9498, 3933, 5745, 6692, 7163, 7389, 7494, 7540,
    7557, 7560, 7557, 7551, -2724, 7535, 7526, 7517, 7508, 7499, 7490, 7481, 7472, 7463, 7454, 7445, -2832, 7427, 7418, 7409, 7400, 7391, 7382, 7373, 7364,
    7355, 7346,
  ];

  it('several sign changes but a single rate: the rate, checked unique by the rule of signs on both sides of it', () => {
    expectTheOnlyRate(lossWithDips, -0.442);
  });

  it('NaN for three rates: flows −0.5, 2.025, −2.55, 1 have x = 1/(1 + r) = 0.5, 0.8 and 1.25', () => {
    // (x − 0.5)(x − 0.8)(x − 1.25) = x³ − 2.55x² + 2.025x − 0.5: monthly rates 100%, 25% and −20%.
    const flows = [-0.5, 2.025, -2.55, 1];
    for (const monthly of [1, 0.25, -0.2]) expect(monthlyNpv(flows, monthly)).toBeCloseTo(0, 12);
    expect(createTrialIrr().solve(Float64Array.from(flows), 4)).toBeNaN();
    expect(solveWithHints(flows)).toBeNaN();
  });

  it('NaN when the first and last flows share a sign and no rate exists ([−100, 50, −10])', () => {
    // −100 + 50x − 10x² has discriminant 2500 − 4000 < 0: no real x.
    expect(createTrialIrr().solve(new Float64Array([-100, 50, -10]), 3)).toBeNaN();
    expect(solveWithHints([-100, 50, -10])).toBeNaN();
  });

  it('never returns a wrong rate: on 1,500 random vectors with mixed signs, every finite answer is a root irrAll finds, and the only one (or the only positive one, under Norström)', () => {
    const random = mulberry32(77);
    let solvedWithSeveralSignChanges = 0;
    for (let v = 0; v < 1500; v++) {
      const months = 4 + Math.floor(random() * 21);
      const flows = Array.from({ length: months }, () => {
        const draw = random();
        return draw < 0.1 ? 0 : draw < 0.5 ? -(10 + random() * 990) : 10 + random() * 990;
      });
      const answer = createTrialIrr().solve(Float64Array.from(flows), months);
      if (!Number.isFinite(answer)) continue;
      const roots = irrAll(flows).map((monthly) => Math.pow(1 + monthly, 12) - 1);
      const matching = roots.filter((root) => Math.abs(root - answer) <= 1e-8 * Math.max(1, Math.abs(root)));
      expect(matching, `${flows.join(', ')} → ${answer}, roots ${roots.join(', ')}`).toHaveLength(1);
      if (roots.length > 1) {
        expect(
          roots.filter((root) => root > 0),
          `${flows.join(', ')}`,
        ).toEqual(matching);
        expect(answer).toBeGreaterThan(0);
      }
      let signChanges = 0;
      let lastSign = 0;
      for (const flow of flows) {
        if (flow === 0) continue;
        if (lastSign !== 0 && Math.sign(flow) !== lastSign) signChanges++;
        lastSign = Math.sign(flow);
      }
      if (signChanges > 1) solvedWithSeveralSignChanges++;
    }
    // The vectors must exercise the new rule, not only Descartes' easy case.
    expect(solvedWithSeveralSignChanges).toBeGreaterThan(100);
  });
});
