import { describe, expect, it } from 'vitest';
import { exp, expm1, fillExp, log, log10, log1p, pow, sinPi } from '../../models/math/deterministic-math.ts';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const view = new BigInt64Array(new Float64Array([a, b]).buffer);
  const difference = view[0] - view[1];
  return Number(difference < 0n ? -difference : difference);
}

function* seeded(count: number, generate: (u: number) => number): Generator<number> {
  let state = 20261124;
  for (let i = 0; i < count; i++) {
    state = (state * 48271) % 2147483647;
    yield generate(state / 2147483647);
  }
}

describe('deterministic transcendental functions (IEEE arithmetic only)', () => {
  // Node's V8 implements Math.exp and Math.log with fdlibm's algorithms, which these port:
  // on Node they must agree to the last bit, and in any engine they give these same bits.
  it('exp matches fdlibm (Node Math.exp) bit for bit', () => {
    for (const x of seeded(50_000, (u) => (u - 0.5) * 1400)) expect(exp(x)).toBe(Math.exp(x));
    for (const x of seeded(50_000, (u) => (u - 0.5) * 2)) expect(exp(x)).toBe(Math.exp(x));
  });

  it('log matches fdlibm (Node Math.log) bit for bit, subnormals included', () => {
    for (const x of seeded(50_000, (u) => 10 ** ((u - 0.5) * 600))) expect(log(x)).toBe(Math.log(x));
    for (const x of seeded(20_000, (u) => 1 + (u - 0.5) * 1e-3)) expect(log(x)).toBe(Math.log(x));
    expect(log(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE));
  });

  it('log matches fdlibm bit for bit on random bit patterns over the whole double range', () => {
    // Every exponent, subnormals, negatives and NaNs alike; and the edges of log's branches:
    // |x − 1| < 2^−20 and the √2 split of the mantissa.
    const bits = new Float64Array(1);
    const halves = new Uint32Array(bits.buffer);
    let state = 0x9e3779b9;
    const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    for (let i = 0; i < 200_000; i++) {
      halves[0] = next();
      halves[1] = next();
      const x = bits[0];
      expect(Object.is(log(x), Math.log(x)), `log(${x})`).toBe(true);
    }
    for (const x of [
      1 - 2 ** -20,
      1 + 2 ** -20,
      1 - 2 ** -21,
      1 + 2 ** -21,
      Math.SQRT2,
      Math.SQRT1_2,
      2 ** 1023,
      2 ** -1022,
      2 ** -1074,
      1.7976931348623157e308,
    ]) {
      expect(log(x)).toBe(Math.log(x));
    }
  });

  it('has the IEEE special values', () => {
    expect([exp(0), exp(-Infinity), exp(Infinity), exp(800), exp(-800)]).toEqual([1, 0, Infinity, Infinity, 0]);
    expect([log(1), log(0), log(-1), log(Infinity)]).toEqual([0, -Infinity, NaN, Infinity]);
    expect(log(2)).toBe(Math.LN2);
    expect(Number.isNaN(exp(NaN)) && Number.isNaN(log(NaN))).toBe(true);
  });

  it('log1p and expm1 stay within 4 ulp and are exact for tiny arguments', () => {
    for (const x of seeded(20_000, (u) => (u - 0.3) * 10 ** (-u * 15))) expect(ulps(log1p(x), Math.log1p(x))).toBeLessThanOrEqual(4);
    for (const x of seeded(20_000, (u) => (u - 0.5) * 10 ** (-u * 15))) expect(ulps(expm1(x), Math.expm1(x))).toBeLessThanOrEqual(4);
    expect(log1p(1e-20)).toBe(1e-20);
    expect(expm1(-1e-20)).toBe(-1e-20);
  });

  it('pow is exact for small integer exponents and within 8 ulp for business-case exponents', () => {
    expect([pow(2, 10), pow(-2, 3), pow(10, -2), pow(1.5, 0), pow(0, -1), pow(-8, 1 / 3)]).toEqual([1024, -8, 0.01, 1, Infinity, NaN]);
    for (const u of seeded(20_000, (value) => value)) {
      const base = 1 + u;
      const exponent = -((u * 7919) % 5);
      expect(ulps(pow(base, exponent), Math.pow(base, exponent))).toBeLessThanOrEqual(8);
    }
  });

  it('log10 and sinPi have their closed-form values', () => {
    expect(Math.abs(log10(1000) - 3)).toBeLessThanOrEqual(4.5e-16);
    expect(sinPi(0.5)).toBe(1);
    expect(sinPi(1)).toBe(0);
    expect(sinPi(-0.5)).toBe(-1);
    expect(Math.abs(sinPi(1 / 6) - 0.5)).toBeLessThan(1e-16);
    for (const x of seeded(5000, (u) => (u - 0.5) * 200)) expect(Math.abs(sinPi(x) - Math.sin(Math.PI * x))).toBeLessThan(1e-13);
  });

  it('fillExp gives the bits of exp for every element, across every branch of exp', () => {
    const values = [
      ...seeded(200_000, (u) => (u - 0.5) * 1500),
      ...seeded(50_000, (u) => (u - 0.5) * 3),
      ...seeded(20_000, (u) => (u - 0.5) * 1e-7),
      // Next to each branch point: 0.5·ln 2, 1.5·ln 2, 2^-28, overflow, underflow and the subnormal range.
      ...[0.34657359027997264, 1.0397207708399179, 3.725290298461914e-9, 709.782712893384, -745.1332191019411, -708.5, -720].flatMap((edge) => [
        edge,
        -edge,
        edge * (1 + 2e-16),
        edge * (1 - 2e-16),
        -edge * (1 + 2e-16),
        -edge * (1 - 2e-16),
      ]),
      0,
      -0,
      Infinity,
      -Infinity,
      Number.NaN,
    ];
    const column = Float64Array.from(values);
    fillExp(column, column.length);
    values.forEach((x, i) => expect(Object.is(column[i], exp(x)), `exp(${x})`).toBe(true));
  });
});
