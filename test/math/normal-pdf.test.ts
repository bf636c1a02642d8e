import { describe, expect, it } from 'vitest';
import { normalPdf } from '../../models/math/normal-pdf.ts';

describe('normalPdf', () => {
  it('matches exp(−x²/2)/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(normalPdf(1)).toBeCloseTo(0.24197072451914337, 16);
    expect(normalPdf(-2)).toBeCloseTo(0.05399096651318806, 16);
  });

  it('is 0 at ±Infinity', () => {
    expect(normalPdf(Infinity)).toBe(0);
    expect(normalPdf(-Infinity)).toBe(0);
  });
});
