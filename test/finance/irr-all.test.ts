import { describe, expect, it } from 'vitest';
import { irr } from '../../models/finance/irr.ts';
import { irrAll } from '../../models/finance/irr-all.ts';
import { npv } from '../../models/finance/npv.ts';
import { catchFinanceError } from './catch-finance-error.ts';
import { expectRelativelyClose } from './expect-relatively-close.ts';

function expectRates(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((rate, index) => expectRelativelyClose(actual[index], rate, 1e-9));
}

describe('irrAll', () => {
  it('finds both IRRs of -1, 5, -6 (100% and 200%)', () => {
    expectRates(irrAll([-1, 5, -6]), [1, 2]);
  });

  it('finds four roots, including r = 0', () => {
    // 1 - 10x + 35x² - 50x³ + 24x⁴ = (1 - x)(1 - 2x)(1 - 3x)(1 - 4x): x = 1, 1/2, 1/3, 1/4.
    const rates = irrAll([1, -10, 35, -50, 24]);
    expect(rates).toHaveLength(4);
    expect(Math.abs(rates[0])).toBeLessThan(1e-12);
    rates.slice(1).forEach((rate, index) => expectRelativelyClose(rate, index + 1, 1e-9));
  });

  it('finds two rates closer together than one grid cell', () => {
    // -(1.1x - 1)² + 1e-6·x² has roots 0.1% apart around r = 10%.
    const rates = irrAll([-1, 2.2, -1.21 + 1e-6]);
    expect(rates).toHaveLength(2);
    for (const rate of rates) expect(Math.abs(npv(rate, [-1, 2.2, -1.21 + 1e-6]))).toBeLessThan(1e-12);
    expect(rates[1] - rates[0]).toBeGreaterThan(0.0015);
  });

  it('finds the three rates of a textbook cubic (10%, 20%, 30%)', () => {
    // -1000 + 3600x - 4310x² + 1716x³ = -1000(1 - 1.1x)(1 - 1.2x)(1 - 1.3x)
    expectRates(irrAll([-1000, 3600, -4310, 1716]), [0.1, 0.2, 0.3]);
  });

  it('recovers known rates from flows built as products of their factors', () => {
    let seed = 12345;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 50; trial++) {
      const count = 2 + Math.floor(uniform() * 4);
      // Growth factors 1 + r spread over 0.2 .. 5, at least 10% apart.
      const growths: number[] = [];
      while (growths.length < count) {
        const growth = 0.2 * 25 ** uniform();
        if (growths.every((other) => Math.abs(Math.log(growth / other)) > 0.1)) growths.push(growth);
      }
      growths.sort((a, b) => a - b);
      // Coefficients of Π (1 - growth·x) in ascending powers of x = 1 / (1 + r).
      let flows = [1];
      for (const growth of growths) {
        flows = [...flows, 0].map((coefficient, power) => coefficient - (power > 0 ? growth * flows[power - 1] : 0));
      }
      expectRates(
        irrAll(flows),
        growths.map((growth) => growth - 1),
      );
    }
  });

  it('reports a double root once', () => {
    expectRates(irrAll([-1, 2, -1]), [0]);
  });

  it('returns [] when no rate exists', () => {
    expect(irrAll([1, -1, 1])).toEqual([]);
    expect(irrAll([100, 50])).toEqual([]);
    expect(irrAll([0, 0])).toEqual([]);
  });

  it('agrees with irr when the rate is unique', () => {
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    expectRates(irrAll(flows), [irr(flows)]);
  });

  it('finds roots far out on either side of its grid', () => {
    // The grid spans r = -99.99% to 1e6; these rates are -99.999% and 1e7 - 1.
    const low = 1e-5; // 1 + r at the low root
    const high = 1e7; // 1 + r at the high root
    // NPV(x) = -(x - 1/low)(x - 1/high) = -x² + (1/low + 1/high)x - 1/(low·high), x = 1/(1 + r).
    const rates = irrAll([-1 / (low * high), 1 / low + 1 / high, -1]);
    expectRates(rates, [low - 1, high - 1]);
  });

  it('rejects bad arguments with INVALID_ARGUMENT naming the argument', () => {
    const error = catchFinanceError(() => irrAll([Number.NaN]));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.argument).toBe('cashFlows[0]');
  });
});
