import { describe, expect, it } from 'vitest';
import { ksStatistic } from '../../models/stats/ks-statistic.ts';

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

describe('ksStatistic', () => {
  it('is 0.3 for (0.1, 0.4, 0.7) against the uniform: the step at 0.7 reaches 1 while F = 0.7', () => {
    expect(ksStatistic(new Float64Array([0.7, 0.1, 0.4]), uniformCdf)).toBeCloseTo(0.3, 15);
  });

  it('is 1/(2n) for the midpoints (i − ½)/n, the closest an n-point sample gets to a continuous cdf', () => {
    const n = 10;
    const sample = Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    expect(ksStatistic(sample, uniformCdf)).toBeCloseTo(1 / (2 * n), 15);
  });

  it('is 1 when the whole sample lies beyond the support, and takes the lower gap F(x₍ᵢ₎) − (i − 1)/n', () => {
    expect(ksStatistic(new Float64Array([2, 3]), uniformCdf)).toBe(1);
    // (0.9, 0.95): below-gaps 0.9 − 0 and 0.95 − 0.5; above-gaps 0.5 − 0.9, 1 − 0.95 → D = 0.9
    expect(ksStatistic(new Float64Array([0.9, 0.95]), uniformCdf)).toBeCloseTo(0.9, 15);
  });

  it('leaves NaN out and gives NaN for an empty sample', () => {
    expect(ksStatistic(new Float64Array([Number.NaN, 0.7, 0.1, 0.4]), uniformCdf)).toBeCloseTo(0.3, 15);
    expect(ksStatistic(new Float64Array([]), uniformCdf)).toBeNaN();
  });
});
