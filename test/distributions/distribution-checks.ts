import { expect } from 'vitest';
import { DistributionError, type Distribution } from '../../models/distributions/distribution.ts';

/**
 * Deterministic probe points for the column transform: the ends, both far
 * tails, a dense interior grid, and points straddling common thresholds.
 */
export function probeUniforms(): Float64Array {
  const values: number[] = [0, 1, 1e-300, 2 ** -54, 1e-17, 1e-12, 1e-6, 1 - 1e-6, 1 - 1e-12, 1 - 2 ** -53];
  for (let i = 1; i < 20_000; i++) values.push(i / 20_000);
  for (const threshold of [0.2, 0.25, 0.3, 0.5, 0.7, 0.75, 0.8]) {
    values.push(threshold - 1e-15, threshold, threshold + 1e-15);
  }
  return Float64Array.from(values);
}

/**
 * Asserts fillFromUniforms(u) gives inv(u[i]) for every probe, separately and
 * in place (u === out). `tolerance` 0 demands identical numbers.
 */
export function expectFillMatchesInv(distribution: Distribution, tolerance = 0): void {
  const u = probeUniforms();
  const out = new Float64Array(u.length);
  distribution.fillFromUniforms(u, out, u.length);
  const inPlace = u.slice();
  distribution.fillFromUniforms(inPlace, inPlace, inPlace.length);
  let mismatches = 0;
  let worst = 0;
  for (let i = 0; i < u.length; i++) {
    const expected = distribution.inv(u[i]);
    if (tolerance === 0) {
      if (!Object.is(out[i], expected) || !Object.is(inPlace[i], expected)) mismatches++;
    } else {
      worst = Math.max(worst, Math.abs(out[i] - expected), Math.abs(inPlace[i] - expected));
    }
  }
  expect(mismatches).toBe(0);
  expect(worst).toBeLessThanOrEqual(tolerance);
}

/** Asserts cdf(inv(p)) = p to `tolerance` over a grid of p (continuous distributions). */
export function expectCdfInvertsInv(distribution: Distribution, tolerance: number): void {
  for (const p of [1e-9, 1e-4, 0.01, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99, 0.9999]) {
    expect(Math.abs(distribution.cdf(distribution.inv(p)) - p)).toBeLessThanOrEqual(tolerance);
  }
}

/** Asserts a − b is within `relative`·max(|b|, floor), for analytic comparisons. */
export function expectClose(actual: number, expected: number, relative: number, floor = 1): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(Math.abs(expected), floor));
}

/** Asserts `build` throws a DistributionError naming `field` with exactly `message`. */
export function expectDistributionError(build: () => unknown, field: string, message: string): void {
  let thrown: unknown;
  try {
    build();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DistributionError);
  expect((thrown as DistributionError).field).toBe(field);
  expect((thrown as DistributionError).message).toBe(message);
}
