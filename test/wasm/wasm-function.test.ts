import { describe, expect, it } from 'vitest';
import {
  add,
  call,
  choose,
  div,
  f64,
  globalGet,
  gt,
  i32,
  lane,
  le,
  load,
  lt,
  mul,
  not,
  select,
  shl,
  splat,
  sub,
  toF64,
  truncToI32,
  withLane,
} from '../../models/wasm/wasm-expr.ts';
import { FunctionBuilder } from '../../models/wasm/wasm-function.ts';
import { WasmModule } from '../../models/wasm/wasm-module.ts';
import { ValueType } from '../../models/wasm/wasm-opcodes.ts';

function instantiate(module: WasmModule): Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory } {
  const bytes = module.encode();
  expect(WebAssembly.validate(bytes)).toBe(true);
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as never;
}

describe('WasmModule and FunctionBuilder', () => {
  it('computes f64x2 lane by lane with the scalar results: loads, splat, lanes, add, sub, mul', () => {
    const module = new WasmModule(1);
    const fn = new FunctionBuilder(['f64', 'f64'], 'f64');
    const pair = fn.local('v128');
    const [a, b] = [fn.param(0), fn.param(1)];
    fn.store(i32(64), a);
    fn.store(i32(72), b);
    // (a, b)·(b, 3) − (1, 1) + (a, b) from memory, then lane 0 · 1000 + lane 1.
    fn.set(pair, add(sub(mul(withLane(splat(a), 1, b), withLane(splat(b), 1, f64(3))), splat(f64(1))), load('v128', i32(64))));
    fn.return(add(mul(lane(pair, 0), f64(1000)), lane(pair, 1)));
    module.define(fn.definition('lanes'));
    const { lanes } = instantiate(module);
    const [a0, b0] = [0.1, 0.7];
    expect(lanes(a0, b0)).toBe((a0 * b0 - 1 + a0) * 1000 + (b0 * 3 - 1 + b0));
  });

  it('runs a counted loop: the sum 1 + … + n is n(n + 1)/2', () => {
    const module = new WasmModule(1);
    const fn = new FunctionBuilder(['i32'], 'i32');
    const n = fn.param(0);
    const k = fn.local('i32');
    const sum = fn.local('i32');
    fn.block((exit) =>
      fn.loop((repeat) => {
        fn.set(k, add(k, i32(1)));
        fn.brIf(exit, gt(k, n));
        fn.set(sum, add(sum, k));
        fn.br(repeat);
      }),
    );
    fn.return(sum);
    module.define(fn.definition('triangle'));
    const { triangle } = instantiate(module);
    expect(triangle(100)).toBe(5050);
    expect(triangle(0)).toBe(0);
  });

  it('calls functions, selects and branches with JavaScript’s double arithmetic', () => {
    const module = new WasmModule(1);
    const square = new FunctionBuilder(['f64'], 'f64');
    square.return(mul(square.param(0), square.param(0)));
    const squareIndex = module.define(square.definition());
    const fn = new FunctionBuilder(['f64'], 'f64');
    const x = fn.param(0);
    // x > 0 ? x² / 3 : (x ≤ −10 ? −1 : 0.1·x)
    fn.if(gt(x, f64(0)), () => fn.return(div(call(squareIndex, [x], 'f64'), f64(3))));
    fn.return(choose(le(x, f64(-10)), f64(-1), mul(f64(0.1), x)));
    module.define(fn.definition('shape'));
    const { shape } = instantiate(module);
    for (const value of [0.7, 3, 1e-300, -0.3, -10, -11, 0]) {
      const expected = value > 0 ? (value * value) / 3 : value <= -10 ? -1 : 0.1 * value;
      expect(Object.is(shape(value), expected), `${value}`).toBe(true);
    }
  });

  it('stores and loads doubles in its memory, and keeps state in globals', () => {
    const module = new WasmModule(1);
    const counter = module.global(ValueType.i32, 0);
    const fn = new FunctionBuilder(['i32'], 'f64');
    const index = fn.param(0);
    fn.store(shl(index, i32(3)), div(f64(1), toF64(add(index, i32(1)))), 64);
    fn.setGlobal(counter, add(globalGet(counter, 'i32'), i32(1)));
    fn.return(select(lt(globalGet(counter, 'i32'), i32(3)), load('f64', shl(index, i32(3)), 64), f64(-1)));
    module.define(fn.definition('remember'));
    const exports = instantiate(module);
    expect(exports.remember(0)).toBe(1);
    expect(exports.remember(3)).toBe(0.25);
    expect(exports.remember(1)).toBe(-1); // the third call
    expect(Array.from(new Float64Array(exports.memory.buffer, 64, 4))).toEqual([1, 0.5, 0, 0.25]);
  });

  it('truncates toward zero and saturates, as i32.trunc_sat_f64_s', () => {
    const module = new WasmModule(1);
    const fn = new FunctionBuilder(['f64'], 'i32');
    fn.return(truncToI32(fn.param(0)));
    module.define(fn.definition('trunc'));
    const { trunc } = instantiate(module);
    expect([2.9, -2.9, NaN, 1e12, -1e12].map((x) => trunc(x))).toEqual([2, -2, 0, 2147483647, -2147483648]);
  });

  it('rejects mismatched operand types, wrong returns and branches out of scope', () => {
    expect(() => add(i32(1), f64(1))).toThrow(TypeError);
    expect(() => not(f64(1))).toThrow(TypeError);
    const fn = new FunctionBuilder([], 'f64');
    expect(() => fn.return(i32(1))).toThrow(TypeError);
    let outer: { depth: number } | null = null;
    fn.block((exit) => {
      outer = exit;
    });
    expect(() => fn.br(outer!)).toThrow(/outside its block/);
  });
});
