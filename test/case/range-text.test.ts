import { describe, expect, it } from 'vitest';
import { parseRangeText } from '../../models/case/range-text.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { LognormalDistribution } from '../../models/distributions/lognormal.ts';
import { distributionSpecSchema } from '../../models/distributions/spec.ts';

/** The standard normal's 95th percentile: a 90 % range spans ±Z95 standard deviations. */
const Z95 = 1.6448536269514722;

function spec(text: string) {
  const parsed = parseRangeText(text);
  if (!parsed?.ok) throw new Error(`expected a range for ${JSON.stringify(text)}, got ${JSON.stringify(parsed)}`);
  // Whatever is proposed must be a distribution the case format accepts.
  expect(distributionSpecSchema.safeParse(parsed.spec).success).toBe(true);
  return parsed.spec;
}

function rejection(text: string): string {
  const parsed = parseRangeText(text);
  if (parsed === null || parsed.ok) throw new Error(`expected a rejection for ${JSON.stringify(text)}, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseRangeText: "a to b" is a 90 % range', () => {
  it('gives a lognormal with p5 = 5 and p95 = 10 for "5 to 10", whose log-quantiles are mu ∓ 1.6449 sigma', () => {
    const range = spec('5 to 10');
    expect(range).toEqual({ type: 'lognormal', p5: 5, p95: 10 });
    // Closed form: ln 5 = mu − Z95·sigma, ln 10 = mu + Z95·sigma.
    const mu = (Math.log(5) + Math.log(10)) / 2;
    const sigma = (Math.log(10) - Math.log(5)) / (2 * Z95);
    const built = createDistribution(range) as LognormalDistribution;
    expect(built).toBeInstanceOf(LognormalDistribution);
    expect(built.mu).toBeCloseTo(mu, 12);
    expect(built.sigma).toBeCloseTo(sigma, 12);
    expect(built.inv(0.05)).toBeCloseTo(5, 9);
    expect(built.inv(0.95)).toBeCloseTo(10, 9);
    expect(built.inv(0.5)).toBeCloseTo(Math.sqrt(50), 9);
  });

  it('takes a normal when a bound is zero or negative, and when asked by name', () => {
    expect(spec('-2 to 10')).toEqual({ type: 'normal', p5: -2, p95: 10 });
    expect(spec('0 to 10')).toEqual({ type: 'normal', p5: 0, p95: 10 });
    const normal = spec('5 to 10 normal');
    expect(normal).toEqual({ type: 'normal', p5: 5, p95: 10 });
    // mean 7.5, sd 2.5 / Z95.
    const built = createDistribution(normal);
    expect(built.inv(0.5)).toBeCloseTo(7.5, 12);
    expect(built.inv(0.95) - built.inv(0.5)).toBeCloseTo(2.5, 9);
  });

  it('accepts the other names that need two bounds, case-insensitively', () => {
    expect(spec('5 to 10 Lognormal')).toEqual({ type: 'lognormal', p5: 5, p95: 10 });
    expect(spec('5 to 10 uniform')).toEqual({ type: 'uniform', min: 5, max: 10 });
  });

  it('reads numbers as people type them: grouping spaces, decimal commas, percentages', () => {
    expect(spec('1 250 to 2 500')).toEqual({ type: 'lognormal', p5: 1250, p95: 2500 });
    expect(spec('0,5 to 0,9')).toEqual({ type: 'lognormal', p5: 0.5, p95: 0.9 });
    expect(spec('5% to 15%')).toEqual({ type: 'lognormal', p5: 0.05, p95: 0.15 });
    expect(spec('  5to10 ')).toEqual({ type: 'lognormal', p5: 5, p95: 10 });
  });
});

describe('parseRangeText: "~8 ±20%" is a 90 % range around 8', () => {
  it('spans 8 × (1 ± 0.2), lognormal when positive', () => {
    expect(spec('~8 ±20%')).toEqual({ type: 'lognormal', p5: 6.4, p95: 9.6 });
    expect(spec('8 ± 20%')).toEqual({ type: 'lognormal', p5: 6.4, p95: 9.6 });
    expect(spec('~8 +-20% normal')).toEqual({ type: 'normal', p5: 6.4, p95: 9.6 });
  });

  it('takes an absolute spread in the quantity unit without %', () => {
    expect(spec('~8 ±1.5')).toEqual({ type: 'lognormal', p5: 6.5, p95: 9.5 });
  });

  it('falls back to a normal when the range reaches zero or below', () => {
    expect(spec('~8 ±150%')).toEqual({ type: 'normal', p5: -4, p95: 20 });
    expect(spec('~-8 ±25%')).toEqual({ type: 'normal', p5: -10, p95: -6 });
  });
});

describe('parseRangeText: "3, 5, 9" is a three-point PERT', () => {
  it('gives min, mode and max, whose PERT mean is (3 + 4·5 + 9) / 6', () => {
    const pert = spec('3, 5, 9');
    expect(pert).toEqual({ type: 'pert', min: 3, mode: 5, max: 9 });
    expect(createDistribution(pert).mean()).toBeCloseTo(32 / 6, 12);
  });

  it('accepts commas without spaces, a triangular by name, and semicolons with decimal commas', () => {
    expect(spec('3,5,9')).toEqual({ type: 'pert', min: 3, mode: 5, max: 9 });
    const triangular = spec('3, 5, 9 triangular');
    expect(triangular).toEqual({ type: 'triangular', min: 3, mode: 5, max: 9 });
    expect(createDistribution(triangular).mean()).toBeCloseTo(17 / 3, 12);
    expect(spec('1,5; 2; 4')).toEqual({ type: 'pert', min: 1.5, mode: 2, max: 4 });
  });
});

describe('parseRangeText: rejections and formulas', () => {
  it('refuses a reversed range and says how to write it', () => {
    expect(rejection('10 to 5')).toBe('the low end (10) must be below the high end (5): write it as "5 to 10"');
    expect(rejection('5 to 5')).toContain('must be below');
  });

  it('asks for the missing end or spread', () => {
    expect(rejection('5 to')).toBe('give both ends of the range, e.g. "5 to 10"');
    expect(rejection('to 10')).toBe('give both ends of the range, e.g. "5 to 10"');
    expect(rejection('~8 ±')).toBe('give the spread after ±, e.g. "~8 ±20%"');
  });

  it('refuses three points out of order, an unknown name and a lognormal through zero', () => {
    expect(rejection('9, 5, 3')).toBe('write the three points in order: minimum, most likely, maximum (got 9, 5, 3)');
    expect(rejection('5 to 10 gamma')).toContain('"gamma" is not a distribution');
    expect(rejection('-1 to 10 lognormal')).toContain('needs both ends above 0');
    expect(rejection('5 to 10 pert')).toContain('needs three points');
  });

  it('leaves numbers and formulas alone (null: keep it as a formula)', () => {
    for (const text of ['volume * 3', '42', '1,5', '1,250,000', 'max(3, 5, 9)', 'to', 'total * 2', 'clerk_time * rate', '', '  ']) {
      expect(parseRangeText(text), text).toBeNull();
    }
  });
});
