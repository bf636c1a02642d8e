import { describe, it } from 'vitest';
import { quantileMoments } from '../../models/distributions/quantile-moments.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { expectClose } from './distribution-checks.ts';

describe('quantileMoments', () => {
  it('gives uniform moments for a linear quantile', () => {
    const moments = quantileMoments((p) => 10 * p, 0, 1);
    expectClose(moments.mean, 5, 1e-14);
    expectClose(moments.variance, 100 / 12, 1e-13);
  });

  it('restricts to a probability range: U(0, 10) between p = 0.2 and 0.6 is U(2, 6)', () => {
    const moments = quantileMoments((p) => 10 * p, 0.2, 0.6);
    expectClose(moments.mean, 4, 1e-14);
    expectClose(moments.variance, 16 / 12, 1e-13);
  });

  it('handles endpoint singularities of the quantile: Beta(1, 5) has Q(p) = 1 − (1 − p)^(1/5)', () => {
    const moments = quantileMoments((p) => 1 - (1 - p) ** 0.2, 0, 1);
    expectClose(moments.mean, 1 / 6, 1e-13);
    expectClose(moments.variance, 5 / (36 * 7), 1e-12);
  });

  it('handles kinks of the quantile: triangular(0, 2, 10)', () => {
    const quantile = (p: number): number => (p <= 0.2 ? Math.sqrt(20 * p) : 10 - Math.sqrt(80 * (1 - p)));
    const moments = quantileMoments(quantile, 0, 1);
    expectClose(moments.mean, 4, 1e-13);
    expectClose(moments.variance, 84 / 18, 1e-12);
  });

  it('stays accurate far from zero: U(1e9, 1e9 + 1)', () => {
    const moments = quantileMoments((p) => 1e9 + p, 0, 1);
    expectClose(moments.mean, 1e9 + 0.5, 1e-15);
    expectClose(moments.variance, 1 / 12, 1e-9);
  });

  it('ignores the unresolvable infinite ends of an unbounded quantile: the standard normal', () => {
    const moments = quantileMoments(normalInv, 0, 1);
    expectClose(moments.mean, 0, 1e-13);
    expectClose(moments.variance, 1, 1e-12);
  });
});
