import {
  add,
  f64,
  gt,
  i32,
  load,
  lt,
  mul,
  mulHigh,
  ne,
  rotl,
  select,
  shl,
  shrU,
  sub,
  toF64,
  toF64Unsigned,
  truncToI32,
  xor,
  type WasmExpr,
  type WasmLocal,
} from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { WasmModule } from './wasm-module.ts';

/** Where the sampler keeps its stream state (four i32: sfc32's a, b, c and counter), a chunk's uniforms, and the Monte Carlo draws it leaves (i32 indices). */
export interface StratumSamplerLayout {
  state: number;
  uniforms: number;
  splitDraws: number;
}

/** Doubles per stratum in a table (stratum-quantile-table.ts): c0…c3, then Q(k/n). */
const STRIDE = 5;
/** Strata per table: one chunk's (simulation-env.ts CHUNK_SIZE). */
const TABLE_STRATA = 4096;
const TWO_POW_26 = 67108864;
/** Division by 2^52 is the same exact scaling as multiplication by 2^−52. */
const TWO_POW_MINUS_52 = 1 / 4503599627370496;

/**
 * One sfc32 step (sfc32.ts), its output into t.
 *
 * @example
 * sfc32Step(fn, loadState(fn, layout.state), t);
 */
export function sfc32Step(fn: FunctionBuilder, [a, b, c, d]: WasmLocal[], t: WasmLocal): void {
  fn.set(t, add(add(a, b), d));
  fn.set(d, add(d, i32(1)));
  fn.set(a, xor(b, shrU(b, i32(9))));
  fn.set(b, add(c, shl(c, i32(3))));
  fn.set(c, add(rotl(c, i32(21)), t));
}

/**
 * Four locals holding the sfc32 state kept at byte address `address` (a, b, c, counter).
 *
 * @example
 * const state = loadState(fn, layout.state);
 */
export function loadState(fn: FunctionBuilder, address: number): WasmLocal[] {
  const state = [fn.local('i32'), fn.local('i32'), fn.local('i32'), fn.local('i32')];
  state.forEach((word, index) => fn.set(word, load('i32', i32(0), address + 4 * index)));
  return state;
}

/**
 * Stores the state from `loadState`'s locals back, for the next function to continue the stream.
 *
 * @example
 * storeState(fn, layout.state, state);
 */
export function storeState(fn: FunctionBuilder, address: number, state: WasmLocal[]): void {
  state.forEach((word, index) => fn.store(i32(0), word, address + 4 * index));
}

/** The next uniform in (0, 1) from two sfc32 steps, as sfc32.ts's fillUniforms makes it, into u. */
function drawUniform(fn: FunctionBuilder, state: WasmLocal[], t: WasmLocal, high: WasmLocal, u: WasmLocal): void {
  sfc32Step(fn, state, t);
  fn.set(high, mul(toF64Unsigned(shrU(t, i32(6))), f64(TWO_POW_26)));
  sfc32Step(fn, state, t);
  fn.set(u, mul(add(add(high, toF64Unsigned(shrU(t, i32(6)))), f64(0.5)), f64(TWO_POW_MINUS_52)));
}

/** The cubic of the stratum whose table row starts at byte address `at`, at x, clamped to the stratum's ends, into value. */
function stratumCubic(fn: FunctionBuilder, at: WasmLocal, x: WasmLocal, value: WasmLocal): void {
  const c = (index: number): WasmExpr => load('f64', at, index * 8);
  fn.set(value, add(c(0), mul(x, add(c(1), mul(x, add(c(2), mul(x, c(3))))))));
  fn.set(value, select(lt(value, c(4)), c(4), select(gt(value, c(STRIDE + 4)), c(STRIDE + 4), value)));
}

/**
 * Adds the Latin Hypercube draw of a full chunk to a module, as run-chunk.ts makes it in
 * JavaScript, with the same bits:
 * - `fillStrata(table, sorted, n)`: n uniforms from the stream (fillUniforms), kept at
 *   `layout.uniforms`, and for each stratum k its table cubic at u, clamped to the
 *   stratum's ends (the first loop of fillStratumQuantiles), into `sorted`;
 * - `shuffle(sorted, out, n)`: the inside-out Fisher–Yates of shuffleInto, from the
 *   stream where fillStrata left it;
 * - `fillMonteCarlo(table, out, n)`: n uniforms as fillStrata draws them, and each draw
 *   from the table as fillMonteCarloQuantiles' first loop makes it; returns how many
 *   fell in split strata (NaN), their indices listed at `layout.splitDraws`.
 * Arguments are byte addresses in the module's memory.
 *
 * @example
 * const { fillStrata, shuffle } = defineStratumSampler(module, { state: 64, uniforms: 128, splitDraws: 33000 });
 */
export function defineStratumSampler(module: WasmModule, layout: StratumSamplerLayout): { fillStrata: number; shuffle: number; fillMonteCarlo: number } {
  const fill = new FunctionBuilder(['i32', 'i32', 'i32'], null);
  {
    const fn = fill;
    const [table, sorted, n] = [fn.param(0), fn.param(1), fn.param(2)];
    const state = loadState(fn, layout.state);
    const t = fn.local('i32');
    const high = fn.local('f64');
    const u = fn.local('f64');
    const k = fn.local('i32');
    const at = fn.local('i32');
    const value = fn.local('f64');
    fn.while(lt(k, n), () => {
      drawUniform(fn, state, t, high, u);
      fn.store(shl(k, i32(3)), u, layout.uniforms);
      fn.set(at, add(table, mul(k, i32(STRIDE * 8))));
      stratumCubic(fn, at, u, value);
      fn.store(add(sorted, shl(k, i32(3))), value);
      fn.set(k, add(k, i32(1)));
    });
    storeState(fn, layout.state, state);
  }
  const shuffle = new FunctionBuilder(['i32', 'i32', 'i32'], null);
  {
    const fn = shuffle;
    const [sorted, out, n] = [fn.param(0), fn.param(1), fn.param(2)];
    const state = loadState(fn, layout.state);
    const t = fn.local('i32');
    const i = fn.local('i32');
    const j = fn.local('i32');
    fn.if(gt(n, i32(0)), () => fn.store(out, load('f64', sorted)));
    fn.for(i, i32(1), n, () => {
      sfc32Step(fn, state, t);
      // Multiply-shift: floor(t·(i + 1) / 2^32), a slot in [0, i].
      fn.set(j, add(out, shl(mulHigh(t, add(i, i32(1))), i32(3))));
      fn.store(add(out, shl(i, i32(3))), load('f64', j));
      fn.store(j, load('f64', add(sorted, shl(i, i32(3)))));
    });
    storeState(fn, layout.state, state);
  }
  const monteCarlo = new FunctionBuilder(['i32', 'i32', 'i32'], 'i32');
  {
    const fn = monteCarlo;
    const [table, out, n] = [fn.param(0), fn.param(1), fn.param(2)];
    const state = loadState(fn, layout.state);
    const t = fn.local('i32');
    const high = fn.local('f64');
    const u = fn.local('f64');
    const position = fn.local('f64');
    const x = fn.local('f64');
    const i = fn.local('i32');
    const k = fn.local('i32');
    const at = fn.local('i32');
    const value = fn.local('f64');
    const split = fn.local('i32');
    fn.while(lt(i, n), () => {
      drawUniform(fn, state, t, high, u);
      fn.store(shl(i, i32(3)), u, layout.uniforms);
      fn.set(position, mul(u, f64(TABLE_STRATA)));
      fn.set(k, truncToI32(position));
      fn.set(x, sub(position, toF64(k)));
      fn.set(at, add(table, mul(k, i32(STRIDE * 8))));
      stratumCubic(fn, at, x, value);
      fn.store(add(out, shl(i, i32(3))), value);
      // A split stratum's whole-stratum cubic is NaN: list the draw for fillSplitDraws.
      fn.if(ne(value, value), () => {
        fn.store(shl(split, i32(2)), i, layout.splitDraws);
        fn.set(split, add(split, i32(1)));
      });
      fn.set(i, add(i, i32(1)));
    });
    storeState(fn, layout.state, state);
    fn.return(split);
  }
  return {
    fillStrata: module.define(fill.definition('fillStrata')),
    shuffle: module.define(shuffle.definition('shuffle')),
    fillMonteCarlo: module.define(monteCarlo.definition('fillMonteCarlo')),
  };
}
