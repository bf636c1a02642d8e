import { describe, expect, it } from 'vitest';
import * as dm from '../../models/math/deterministic-math.ts';
import { defineExpAndLog, definePow } from '../../models/wasm/deterministic-math-wasm.ts';
import { call } from '../../models/wasm/wasm-expr.ts';
import { FunctionBuilder } from '../../models/wasm/wasm-function.ts';
import { WasmModule } from '../../models/wasm/wasm-module.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/*
 * The WebAssembly ports must give deterministic-math.ts's bits exactly (which its own
 * tests check against fdlibm and Math), whatever the argument: random bit patterns
 * (subnormals, NaNs, infinities, every exponent), the ranges a business case uses,
 * and every branch point.
 */
function ports() {
  const module = new WasmModule(1);
  const math = defineExpAndLog(module, 0);
  const pow = definePow(module, math);
  for (const [name, index, arity] of [
    ['exp', math.exp, 1],
    ['log', math.log, 1],
    ['pow', pow, 2],
  ] as const) {
    const fn = new FunctionBuilder(arity === 1 ? ['f64'] : ['f64', 'f64'], 'f64');
    fn.return(call(index, arity === 1 ? [fn.param(0)] : [fn.param(0), fn.param(1)], 'f64'));
    module.define(fn.definition(name));
  }
  const exports = new WebAssembly.Instance(new WebAssembly.Module(module.encode())).exports as {
    memory: WebAssembly.Memory;
    exp: (x: number) => number;
    log: (x: number) => number;
    pow: (x: number, y: number) => number;
  };
  new Float64Array(exports.memory.buffer, 0, dm.POWERS_OF_TWO.length).set(dm.POWERS_OF_TWO);
  return exports;
}

const wasm = ports();
const random = mulberry32(7);
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
function randomDouble(): number {
  words[0] = Math.floor(random() * 2 ** 32);
  words[1] = Math.floor(random() * 2 ** 32);
  return bits[0];
}
const SPECIAL = [
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  Math.E,
  Math.LN2,
  0.34657359027997264,
  1.0397207708399179,
  709.782712893384,
  709.79,
  -745.1332191019411,
  -745.14,
  1e-300,
  3.725290298461914e-9,
];

function mismatches(f: (x: number) => number, g: (x: number) => number, inputs: number[]): number[] {
  return inputs.filter((x) => !Object.is(f(x), g(x)));
}

describe('exp, log and pow in WebAssembly', () => {
  const patterns = Array.from({ length: 200_000 }, randomDouble);
  const businessRange = Array.from({ length: 100_000 }, () => (random() - 0.5) * 80);

  it('exp gives deterministic-math’s bits on 300,000 arguments and every branch point', () => {
    expect(mismatches(dm.exp, wasm.exp, [...patterns, ...businessRange, ...SPECIAL])).toEqual([]);
  });

  it('log gives deterministic-math’s bits on 300,000 arguments, subnormals and negatives included', () => {
    const positive = businessRange.map((x) => Math.exp(x / 4));
    expect(mismatches(dm.log, wasm.log, [...patterns, ...positive, ...SPECIAL])).toEqual([]);
  });

  it('pow gives deterministic-math’s bits: integer powers, roots of growth rates and every special case', () => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < 50_000; i++) pairs.push([1 + (random() - 0.3), (random() - 0.5) * 4]); // (1 + rate)^(m/12)
    for (let i = 0; i < 20_000; i++) pairs.push([(random() - 0.5) * 20, Math.round((random() - 0.5) * 140)]); // integer exponents, negative bases
    for (let i = 0; i < 20_000; i++) pairs.push([randomDouble(), randomDouble()]);
    for (const x of [...SPECIAL, -2, -0.5, 3]) for (const y of [...SPECIAL, -2, -3, 3, 0.5, -0.5, 1 / 12, 65, -65, 2 ** 53, 2 ** 53 + 2]) pairs.push([x, y]);
    const wrong = pairs.filter(([x, y]) => !Object.is(dm.pow(x, y), wasm.pow(x, y)));
    expect(wrong).toEqual([]);
  });
});
