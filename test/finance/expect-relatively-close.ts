import { expect } from 'vitest';

/**
 * Asserts |actual − expected| <= tolerance · |expected| (absolute when expected is 0).
 *
 * @example
 * expectRelativelyClose(npv(0.1, [-10000, 3000, 4200, 6800]), 1188.443412);
 */
export function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-6): void {
  const allowed = expected === 0 ? tolerance : tolerance * Math.abs(expected);
  expect(Math.abs(actual - expected), `expected ${actual} to be within ${tolerance} (relative) of ${expected}`).toBeLessThanOrEqual(allowed);
}
