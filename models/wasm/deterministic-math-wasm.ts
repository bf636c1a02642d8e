import { FDLIBM } from '../math/deterministic-math.ts';
import {
  abs,
  add,
  and,
  call,
  div,
  eq,
  f64,
  ge,
  gt,
  highWord,
  i32,
  isFiniteF64,
  le,
  load,
  lt,
  mul,
  ne,
  neg,
  not,
  or,
  select,
  shl,
  shrS,
  sub,
  toF64,
  trunc,
  truncToI32,
  type WasmExpr,
} from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { WasmModule } from './wasm-module.ts';

const C = FDLIBM;

/** Bytes the powers-of-two table takes in memory: 2^k for k in [−1024, 1023], at (k + 1024) · 8. */
export const POWERS_OF_TWO_BYTES = 2048 * 8;

/**
 * Adds ports of deterministic-math.ts's exp and log to a module: the same fdlibm
 * steps, operation for operation, so they return the same bits as the JavaScript
 * ones. Both read 2^k from the table at `tableBase`, which the caller fills with
 * POWERS_OF_TWO. Returns their function indices.
 *
 * @example
 * const { exp, log } = defineExpAndLog(module, 0);
 */
export function defineExpAndLog(module: WasmModule, tableBase: number): { exp: number; log: number } {
  const powerOfTwo = (k: WasmExpr): WasmExpr => load('f64', shl(add(k, i32(1024)), i32(3)), tableBase);
  return { exp: module.define(expFunction(powerOfTwo).definition()), log: module.define(logFunction(powerOfTwo).definition()) };
}

function expFunction(powerOfTwo: (k: WasmExpr) => WasmExpr): FunctionBuilder {
  const fn = new FunctionBuilder(['f64'], 'f64');
  const x = fn.param(0);
  fn.if(ne(x, x), () => fn.return(x));
  fn.if(gt(x, f64(C.EXP_OVERFLOW)), () => fn.return(f64(Infinity)));
  fn.if(lt(x, f64(C.EXP_UNDERFLOW)), () => fn.return(f64(0)));
  const magnitude = fn.local('f64');
  const negative = fn.local('i32');
  const k = fn.local('f64');
  const hi = fn.local('f64');
  const lo = fn.local('f64');
  const r = fn.local('f64');
  fn.set(magnitude, abs(x));
  fn.set(negative, lt(x, f64(0)));
  fn.set(r, x);
  fn.if(
    ge(magnitude, f64(C.REDUCE_FROM)),
    () => {
      fn.if(
        lt(magnitude, f64(C.ONE_STEP_BELOW)),
        () => {
          fn.set(hi, select(negative, add(x, f64(C.LN2_HI)), sub(x, f64(C.LN2_HI))));
          fn.set(lo, select(negative, f64(-C.LN2_LO), f64(C.LN2_LO)));
          fn.set(k, select(negative, f64(-1), f64(1)));
        },
        () => {
          fn.set(k, trunc(add(mul(f64(C.INV_LN2), x), select(negative, f64(-0.5), f64(0.5)))));
          fn.set(hi, sub(x, mul(k, f64(C.LN2_HI))));
          fn.set(lo, mul(k, f64(C.LN2_LO)));
        },
      );
      fn.set(r, sub(hi, lo));
    },
    () => fn.if(lt(magnitude, f64(C.TINY_BELOW)), () => fn.return(add(f64(1), x))),
  );
  const t = fn.local('f64');
  const c = fn.local('f64');
  fn.set(t, mul(r, r));
  fn.set(c, sub(r, mul(t, add(f64(C.P1), mul(t, add(f64(C.P2), mul(t, add(f64(C.P3), mul(t, add(f64(C.P4), mul(t, f64(C.P5))))))))))));
  fn.if(eq(k, f64(0)), () => fn.return(sub(f64(1), sub(div(mul(r, c), sub(c, f64(2))), r))));
  const y = fn.local('f64');
  fn.set(y, sub(f64(1), sub(sub(lo, div(mul(r, c), sub(f64(2), c))), hi)));
  const whole = fn.local('i32');
  fn.set(whole, truncToI32(k));
  fn.if(and(ge(whole, i32(-1021)), le(whole, i32(1023))), () => fn.return(mul(y, powerOfTwo(whole))));
  fn.if(gt(whole, i32(1023)), () => fn.return(mul(mul(y, powerOfTwo(i32(1023))), powerOfTwo(sub(whole, i32(1023))))));
  fn.return(mul(mul(y, powerOfTwo(add(whole, i32(1000)))), f64(C.TWO_M1000)));
  return fn;
}

function logFunction(powerOfTwo: (k: WasmExpr) => WasmExpr): FunctionBuilder {
  const fn = new FunctionBuilder(['f64'], 'f64');
  const x = fn.local('f64');
  const hx = fn.local('i32');
  const k = fn.local('i32');
  fn.set(x, fn.param(0));
  fn.set(hx, highWord(x));
  fn.if(lt(hx, i32(0x00100000)), () => {
    fn.if(eq(x, f64(0)), () => fn.return(f64(-Infinity)));
    fn.if(lt(hx, i32(0)), () => fn.return(f64(NaN)));
    fn.set(k, sub(k, i32(54)));
    fn.set(x, mul(x, f64(C.TWO54)));
    fn.set(hx, highWord(x));
  });
  fn.if(ge(hx, i32(0x7ff00000)), () => fn.return(add(x, x)));
  const biasedExponent = fn.local('i32');
  const exponent = fn.local('i32');
  fn.set(biasedExponent, shrS(hx, i32(20)));
  fn.set(hx, and(hx, i32(0x000fffff)));
  fn.set(exponent, add(sub(biasedExponent, i32(1023)), shrS(and(add(hx, i32(0x95f64)), i32(0x100000)), i32(20))));
  fn.set(x, mul(x, powerOfTwo(sub(i32(0), exponent))));
  fn.set(k, add(k, exponent));
  const f = fn.local('f64');
  const dk = fn.local('f64');
  fn.set(f, sub(x, f64(1)));
  fn.set(dk, toF64(k));
  const kIsZero = eq(k, i32(0));
  fn.if(lt(and(i32(0x000fffff), add(i32(2), hx)), i32(3)), () => {
    fn.if(eq(f, f64(0)), () => fn.return(select(kIsZero, f64(0), add(mul(dk, f64(C.LN2_HI)), mul(dk, f64(C.LN2_LO))))));
    const r = fn.local('f64');
    fn.set(r, mul(mul(f, f), sub(f64(0.5), mul(f64(0.33333333333333333), f))));
    fn.return(select(kIsZero, sub(f, r), sub(mul(dk, f64(C.LN2_HI)), sub(sub(r, mul(dk, f64(C.LN2_LO))), f))));
  });
  const s = fn.local('f64');
  const z = fn.local('f64');
  const w = fn.local('f64');
  const r = fn.local('f64');
  fn.set(s, div(f, add(f64(2), f)));
  fn.set(z, mul(s, s));
  fn.set(w, mul(z, z));
  const t1 = mul(w, add(f64(C.LG2), mul(w, add(f64(C.LG4), mul(w, f64(C.LG6))))));
  const t2 = mul(z, add(f64(C.LG1), mul(w, add(f64(C.LG3), mul(w, add(f64(C.LG5), mul(w, f64(C.LG7))))))));
  fn.set(r, add(t2, t1));
  // fdlibm: i = hx − 0x6147a, j = 0x6b851 − hx, i |= j; i > 0 picks the hfsq form.
  fn.if(gt(or(sub(hx, i32(0x6147a)), sub(i32(0x6b851), hx)), i32(0)), () => {
    const hfsq = fn.local('f64');
    fn.set(hfsq, mul(mul(f64(0.5), f), f));
    fn.return(
      select(
        kIsZero,
        sub(f, sub(hfsq, mul(s, add(hfsq, r)))),
        sub(mul(dk, f64(C.LN2_HI)), sub(sub(hfsq, add(mul(s, add(hfsq, r)), mul(dk, f64(C.LN2_LO)))), f)),
      ),
    );
  });
  fn.return(select(kIsZero, sub(f, mul(s, sub(f, r))), sub(mul(dk, f64(C.LN2_HI)), sub(sub(mul(s, sub(f, r)), mul(dk, f64(C.LN2_LO))), f))));
  return fn;
}

/**
 * Adds a port of deterministic-math.ts's pow (same bits): exact binary powering for
 * integer exponents up to 64, ECMAScript's special cases for zero, infinite and NaN
 * operands, else exp(y·log x). Returns its function index.
 *
 * @example
 * const pow = definePow(module, defineExpAndLog(module, 0));
 */
export function definePow(module: WasmModule, math: { exp: number; log: number }): number {
  const fn = new FunctionBuilder(['f64', 'f64'], 'f64');
  const [x, y] = [fn.param(0), fn.param(1)];
  const isInteger = (value: WasmExpr): WasmExpr => and(isFiniteF64(value), eq(trunc(value), value));
  const isOddInteger = (value: WasmExpr): WasmExpr => and(isInteger(value), ne(sub(value, mul(f64(2), trunc(div(value, f64(2))))), f64(0)));
  fn.if(eq(y, f64(0)), () => fn.return(f64(1)));
  fn.if(or(ne(x, x), ne(y, y)), () => fn.return(f64(NaN)));
  fn.if(eq(x, f64(1)), () => fn.return(f64(1)));
  fn.if(and(isInteger(y), le(abs(y), f64(64))), () => {
    const base = fn.local('f64');
    const result = fn.local('f64');
    const n = fn.local('i32');
    fn.set(base, x);
    fn.set(result, f64(1));
    fn.set(n, truncToI32(abs(y)));
    fn.while(gt(n, i32(0)), () => {
      fn.if(and(n, i32(1)), () => fn.set(result, mul(result, base)));
      fn.set(base, mul(base, base));
      fn.set(n, shrS(n, i32(1)));
    });
    fn.return(select(lt(y, f64(0)), div(f64(1), result), result));
  });
  // Math.pow's exact special cases (ECMAScript Number::exponentiate, steps 4–10).
  const positive = gt(y, f64(0));
  fn.if(eq(x, f64(Infinity)), () => fn.return(select(positive, f64(Infinity), f64(0))));
  fn.if(eq(x, f64(-Infinity)), () =>
    fn.return(select(positive, select(isOddInteger(y), f64(-Infinity), f64(Infinity)), select(isOddInteger(y), f64(-0), f64(0)))),
  );
  fn.if(eq(x, f64(0)), () => {
    // +0 and −0 compare equal: the sign bit decides (1/x is +∞ or −∞).
    fn.if(gt(div(f64(1), x), f64(0)), () => fn.return(select(positive, f64(0), f64(Infinity))));
    fn.return(select(positive, select(isOddInteger(y), f64(-0), f64(0)), select(isOddInteger(y), f64(-Infinity), f64(Infinity))));
  });
  fn.if(not(isFiniteF64(y)), () => {
    const magnitude = abs(x);
    fn.if(eq(magnitude, f64(1)), () => fn.return(f64(NaN)));
    fn.return(select(eq(gt(magnitude, f64(1)), positive), f64(Infinity), f64(0)));
  });
  fn.if(lt(x, f64(0)), () => {
    fn.if(not(isInteger(y)), () => fn.return(f64(NaN)));
    const magnitude = fn.local('f64');
    fn.set(magnitude, call(math.exp, [mul(y, call(math.log, [neg(x)], 'f64'))], 'f64'));
    fn.return(select(isOddInteger(y), neg(magnitude), magnitude));
  });
  fn.return(call(math.exp, [mul(y, call(math.log, [x], 'f64'))], 'f64'));
  return module.define(fn.definition());
}
