import { LOG10_E } from '../math/deterministic-math.ts';
import { DETERMINISTIC_FUNCTIONS, type DeterministicName } from '../math/deterministic-functions.ts';
import type { DeterministicHelperName, ScalarHelperName } from '../engine/kernel-helpers.ts';
import { abs, add, call, div, eq, f64, floor, ge, gt, le, lt, mul, select, sub, type WasmExpr, type WasmLocal } from './wasm-expr.ts';
import type { FunctionBuilder } from './wasm-function.ts';

/** Function indices of the math the helpers call. */
export interface KernelMath {
  exp: number;
  log: number;
  pow: number;
  /** The function index of a deterministic function, defined in the module on first use. */
  scalar(name: DeterministicName): number;
}

/** A helper's scalar WebAssembly form: f64 arguments in, one f64 out. */
type HelperForm = (fn: FunctionBuilder, math: KernelMath, args: WasmExpr[]) => WasmExpr;

/** Evaluates a value once into a fresh local, for a helper that reads it several times. */
function spill(fn: FunctionBuilder, value: WasmExpr): WasmLocal {
  const local = fn.local('f64');
  fn.set(local, value);
  return local;
}

/**
 * The scalar WebAssembly form of each kernel helper (kernel-helpers.ts's SCALAR_HELPERS:
 * a helper without one is a type error), with the same operations, so the same bits.
 * The deterministic functions call their module function, built from the same body
 * as their JavaScript form.
 *
 * @example
 * const value = KERNEL_HELPERS.ramp(fn, math, [month, from, to]);
 */
const deterministicForms = Object.fromEntries(
  (Object.keys(DETERMINISTIC_FUNCTIONS) as DeterministicName[]).map((name) => [
    `d${name}`,
    ((_fn, math, args) => call(math.scalar(name), args, 'f64')) satisfies HelperForm,
  ]),
) as Record<DeterministicHelperName, HelperForm>;

export const KERNEL_HELPERS = {
  ...deterministicForms,
  dexp: (_fn, math, [x]) => call(math.exp, [x], 'f64'),
  dlog: (_fn, math, [x]) => call(math.log, [x], 'f64'),
  dlog10: (_fn, math, [x]) => mul(call(math.log, [x], 'f64'), f64(LOG10_E)),
  dpow: (_fn, math, [x, y]) => call(math.pow, [x, y], 'f64'),
  /** b === 0 ? a : a − b·floor(a / b) */
  fmod: (fn, _math, args) => {
    const [a, b] = args.map((arg) => spill(fn, arg));
    return select(eq(b, f64(0)), a, sub(a, mul(b, floor(div(a, b)))));
  },
  /** to ≤ from ? (month ≥ from ? 1 : 0) : month ≤ from ? 0 : month ≥ to ? 1 : (month − from) / (to − from) */
  ramp: (fn, _math, args) => {
    const [month, from, to] = args.map((arg) => spill(fn, arg));
    return select(
      le(to, from),
      select(ge(month, from), f64(1), f64(0)),
      select(le(month, from), f64(0), select(ge(month, to), f64(1), div(sub(month, from), sub(to, from)))),
    );
  },
  /**
   * Math.sign(v) · Math.round(|v|). For y = |v|, Math.round(y) is floor(y), plus one when
   * y − floor(y) ≥ ½ (the difference is exact), which keeps 0.49999999999999994 at 0.
   */
  roundHalfAway: (fn, _math, [argument]) => {
    const value = spill(fn, argument);
    const whole = spill(fn, floor(abs(value)));
    const sign = select(gt(value, f64(0)), f64(1), select(lt(value, f64(0)), f64(-1), value));
    return mul(sign, select(ge(sub(abs(value), whole), f64(0.5)), add(whole, f64(1)), whole));
  },
} satisfies Record<ScalarHelperName, HelperForm>;
