import { brentRoot as brentRootOrNaN } from '../math/brent-root.ts';
import { FinanceError, FINANCE_ERROR_MESSAGES } from './finance-error.ts';

/**
 * A root of `f` in the bracket [a, b] to full double precision (models/math/brent-root.ts),
 * with non-convergence reported as a FinanceError rather than NaN.
 *
 * @example
 * brentRoot((x) => x * x - 2, 0, 2, -2, 2); // 1.4142135623730951
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  const root = brentRootOrNaN(f, a, b, fa, fb);
  if (Number.isNaN(root)) throw new FinanceError('NO_CONVERGENCE', FINANCE_ERROR_MESSAGES.NO_CONVERGENCE);
  return root;
}
