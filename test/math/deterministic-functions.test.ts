import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import * as dm from '../../models/math/deterministic-math.ts';
import { DETERMINISTIC_FUNCTIONS, DETERMINISTIC_JS as D, type DeterministicName } from '../../models/math/deterministic-functions.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { TRIG_ARGUMENT_LIMIT } from '../../models/math/trig-bodies.ts';
import { defineExpAndLog } from '../../models/wasm/deterministic-math-wasm.ts';
import { defineScalarFunction } from '../../models/wasm/scalar-ops-wasm.ts';
import { call } from '../../models/wasm/wasm-expr.ts';
import { FunctionBuilder } from '../../models/wasm/wasm-function.ts';
import { WasmModule } from '../../models/wasm/wasm-module.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * The functions built once from a body (scalar-ops.ts): accurate against V8's Math.*
 * (itself an fdlibm port) and against known values, and the same bits from their
 * WebAssembly form as from their JavaScript form.
 */
const bits = new Float64Array(1);
const ordinal = new BigInt64Array(bits.buffer);
function ulps(a: number, b: number): number {
  if (Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const key = (x: number): bigint => {
    bits[0] = x;
    return ordinal[0] < 0n ? -(ordinal[0] & 0x7fffffffffffffffn) : ordinal[0];
  };
  return Math.abs(Number(key(a) - key(b)));
}

const random = mulberry32(42);
const POINTS: number[] = [0, -0, 1, -1, 0.5, 2, 1e-300, 5e-324, 1e-20, 1e-8, 20, 22, 700, 709, 710, 1e10, 1e300, -1e300, Infinity, -Infinity, NaN];
for (let i = 0; i < 20_000; i++) POINTS.push((random() < 0.5 ? -1 : 1) * Math.exp(random() * 30 - 15));
for (let i = 0; i < 5000; i++) POINTS.push((random() - 0.5) * 2e5);
for (let i = 0; i < 5000; i++) POINTS.push((random() - 0.5) * 40);
const PROBABILITIES = [0, 1, 0.5, 1e-300, 1e-10, 0.025, 0.975, 1 - 1e-16, -0.1, 1.1, NaN, ...Array.from({ length: 10_000 }, () => random())];

const argsOf = (name: DeterministicName, i: number): number[] =>
  name === 'norminv'
    ? [PROBABILITIES[i % PROBABILITIES.length]]
    : DETERMINISTIC_FUNCTIONS[name].arity === 2
      ? [POINTS[i], POINTS[(i * 7919 + 3) % POINTS.length]]
      : [POINTS[i]];

const REFERENCE: Record<DeterministicName, { fn: (...args: number[]) => number; ulps: number }> = {
  sin: { fn: Math.sin, ulps: 1 },
  cos: { fn: Math.cos, ulps: 1 },
  tan: { fn: Math.tan, ulps: 2 },
  atan: { fn: Math.atan, ulps: 1 },
  atan2: { fn: Math.atan2, ulps: 2 },
  sinh: { fn: Math.sinh, ulps: 1 },
  cosh: { fn: Math.cosh, ulps: 1 },
  tanh: { fn: Math.tanh, ulps: 2 },
  sign: { fn: Math.sign, ulps: 0 },
  trunc: { fn: Math.trunc, ulps: 0 },
  cbrt: { fn: Math.cbrt, ulps: 1 },
  hypot: { fn: Math.hypot, ulps: 2 },
  // The engine's own normal functions: the formula functions are the same arithmetic.
  normcdf: { fn: normalCdf, ulps: 0 },
  norminv: { fn: normalInv, ulps: 0 },
};

function wasmForms(): Record<DeterministicName, (...args: number[]) => number> {
  const module = new WasmModule(1);
  const math = defineExpAndLog(module, 0);
  for (const [name, { body, arity }] of Object.entries(DETERMINISTIC_FUNCTIONS)) {
    const index = defineScalarFunction(module, body, arity, math, 0);
    module.define({ ...exportOf(index, arity), exportName: name });
  }
  const exports = new WebAssembly.Instance(new WebAssembly.Module(module.encode())).exports as Record<string, unknown> & { memory: WebAssembly.Memory };
  new Float64Array(exports.memory.buffer, 0, dm.POWERS_OF_TWO.length).set(dm.POWERS_OF_TWO);
  return exports as unknown as Record<DeterministicName, (...args: number[]) => number>;
}

function exportOf(index: number, arity: number) {
  const fn = new FunctionBuilder(arity === 1 ? ['f64'] : ['f64', 'f64'], 'f64');
  fn.return(call(index, arity === 1 ? [fn.param(0)] : [fn.param(0), fn.param(1)], 'f64'));
  return fn.definition();
}

describe('deterministic functions', () => {
  const wasm = wasmForms();
  for (const name of Object.keys(DETERMINISTIC_FUNCTIONS) as DeterministicName[]) {
    it(`${name}: within ${REFERENCE[name].ulps} ulp of the reference, and the same bits in WebAssembly`, () => {
      let worst = 0;
      let differing = 0;
      for (let i = 0; i < POINTS.length; i++) {
        const args = argsOf(name, i);
        const value = D[name](...args);
        if (!Object.is(value, wasm[name](...args)) && !(Number.isNaN(value) && Number.isNaN(wasm[name](...args)))) differing++;
        if (['sin', 'cos', 'tan'].includes(name) && !(Math.abs(args[0]) < TRIG_ARGUMENT_LIMIT)) expect(value).toBeNaN();
        else worst = Math.max(worst, ulps(value, REFERENCE[name].fn(...args)));
      }
      expect(differing).toBe(0);
      expect(worst).toBeLessThanOrEqual(REFERENCE[name].ulps);
    });
  }

  it("hypot: within 1 ulp of the correctly rounded value (V8's Math.hypot itself is off by up to 2)", () => {
    const Wide = Decimal.clone({ precision: 60 });
    let worst = 0;
    for (let i = 0; i < 3000; i++) {
      const [x, y] = [Math.exp(random() * 40 - 20), Math.exp(random() * 40 - 20)];
      worst = Math.max(worst, ulps(D.hypot(x, y), Wide.hypot(new Wide(x), new Wide(y)).toNumber()));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('gives the known values', () => {
    expect(ulps(D.sin(Math.PI / 6), 0.5)).toBeLessThanOrEqual(1);
    expect(ulps(D.cos(Math.PI / 3), 0.5)).toBeLessThanOrEqual(1);
    expect(ulps(D.tan(Math.PI / 4), 1)).toBeLessThanOrEqual(1);
    expect(ulps(D.atan(1), Math.PI / 4)).toBe(0);
    expect(D.atan2(1, -1)).toBe((3 * Math.PI) / 4);
    expect(D.atan2(-0, -1)).toBe(-Math.PI);
    expect(D.atan2(0, -0)).toBe(Math.PI);
    expect(D.cbrt(27)).toBe(3);
    expect(D.cbrt(-8)).toBe(-2);
    expect(D.hypot(3, 4)).toBe(5);
    expect(D.hypot(Infinity, NaN)).toBe(Infinity);
    expect(D.sinh(0)).toBe(0);
    expect(D.cosh(0)).toBe(1);
    expect(D.tanh(40)).toBe(1);
    expect(Object.is(D.sign(-0), -0)).toBe(true);
    expect(D.sign(-3)).toBe(-1);
    expect(D.trunc(-2.7)).toBe(-2);
    expect(D.normcdf(0)).toBe(0.5);
    expect(ulps(D.normcdf(1.959963984540054), 0.975)).toBeLessThanOrEqual(2);
    expect(ulps(D.norminv(0.975), 1.959963984540054)).toBeLessThanOrEqual(2);
    expect(D.norminv(0)).toBe(-Infinity);
    expect(D.norminv(1.5)).toBeNaN();
    // Seasonality: sin(2π·month/12) over a year.
    const season = Array.from({ length: 12 }, (_, m) => D.sin((2 * Math.PI * (m + 1)) / 12));
    expect(Math.abs(season[2] - 1)).toBeLessThan(1e-15);
    expect(Math.abs(season[11])).toBeLessThan(1e-15);
  });
});
