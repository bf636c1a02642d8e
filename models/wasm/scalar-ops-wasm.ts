import type { ScalarBody, ScalarOps } from '../math/scalar-ops.ts';
import {
  abs,
  add,
  and,
  call,
  div,
  eq,
  f64,
  floor,
  ge,
  gt,
  i32,
  le,
  load,
  lt,
  mul,
  neg,
  not,
  or,
  select,
  shl,
  sqrt,
  sub,
  trunc,
  truncToI32,
  type WasmExpr,
} from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { WasmModule } from './wasm-module.ts';

/**
 * Adds a deterministic body (models/math/scalar-ops.ts) to a module as a function of
 * `arity` f64s: the same operations, in the same order, on the same constants as its
 * JavaScript form, so the same bits. `let` becomes a local; a select computes both arms,
 * which is the value JavaScript's `?:` computes for the arm taken. 2^k is read from the
 * POWERS_OF_TWO table the caller put at byte `powersOfTwo`. Returns its index.
 *
 * @example
 * const sin = defineScalarFunction(module, sinBody, 1, defineExpAndLog(module, 0), 0);
 */
export function defineScalarFunction(module: WasmModule, body: ScalarBody, arity: number, math: { exp: number; log: number }, powersOfTwo: number): number {
  const fn = new FunctionBuilder(
    Array.from({ length: arity }, () => 'f64' as const),
    'f64',
  );
  const ops: ScalarOps<WasmExpr, WasmExpr> = {
    num: f64,
    add,
    sub,
    mul,
    div,
    neg,
    abs,
    sqrt,
    floor,
    trunc,
    lt,
    le,
    gt,
    ge,
    eq,
    and,
    or,
    not,
    select,
    let: (value) => {
      const local = fn.local('f64');
      fn.set(local, value);
      return local;
    },
    exp: (a) => call(math.exp, [a], 'f64'),
    log: (a) => call(math.log, [a], 'f64'),
    powerOfTwo: (k) => load('f64', shl(add(truncToI32(k), i32(1024)), i32(3)), powersOfTwo),
  };
  fn.return(
    body(
      ops,
      Array.from({ length: arity }, (_, i) => fn.param(i)),
    ),
  );
  return module.define(fn.definition());
}
