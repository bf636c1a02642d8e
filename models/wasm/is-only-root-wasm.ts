import { abs, add, and, call, div, element, f64, gt, i32, lt, mul, ne, neg, sub, type WasmExpr, type WasmLocal } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { signOf } from './trial-irr-steps-wasm.ts';

/**
 * is-only-root.ts's isOnlyRoot as a WebAssembly function (flowsBase, first, last, t) → i32:
 * the rule of signs on each side of t, and that t is a root.
 *
 * @example
 * const isOnlyRoot = module.define(isOnlyRootFunction(exp).definition());
 */
export function isOnlyRootFunction(exp: number): FunctionBuilder {
  const fn = new FunctionBuilder(['i32', 'i32', 'i32', 'f64'], 'i32');
  const [flowsBase, first, last, t] = [fn.param(0), fn.param(1), fn.param(2), fn.param(3)];
  const x = fn.local('f64');
  const power = fn.local('f64');
  const forward = fn.local('f64');
  const forwardSign = fn.local('i32');
  const magnitude = fn.local('f64');
  const discounted = fn.local('f64');
  const sign = fn.local('i32');
  const m = fn.local('i32');
  fn.set(x, call(exp, [neg(t)], 'f64'));
  fn.set(power, f64(1));
  fn.set(m, first);
  const signChangeFails = (running: WasmExpr, previous: WasmLocal): void => {
    fn.set(sign, signOf(running));
    fn.if(and(and(ne(sign, i32(0)), ne(previous, i32(0))), ne(sign, previous)), () => fn.return(i32(0)));
    fn.if(ne(sign, i32(0)), () => fn.set(previous, sign));
  };
  fn.while(lt(m, last), () => {
    fn.set(discounted, mul(element('f64', flowsBase, m), power));
    fn.set(forward, add(forward, discounted));
    fn.set(magnitude, add(magnitude, abs(discounted)));
    fn.set(power, mul(power, x));
    signChangeFails(forward, forwardSign);
    fn.set(m, add(m, i32(1)));
  });
  const lastDiscounted = fn.local('f64');
  fn.set(lastDiscounted, mul(element('f64', flowsBase, last), power));
  fn.if(gt(abs(add(forward, lastDiscounted)), mul(f64(1e-9), add(magnitude, abs(lastDiscounted)))), () => fn.return(i32(0)));
  const backward = fn.local('f64');
  const backwardSign = fn.local('i32');
  fn.set(m, last);
  fn.while(gt(m, first), () => {
    fn.set(backward, add(backward, mul(element('f64', flowsBase, m), power)));
    fn.set(power, div(power, x));
    signChangeFails(backward, backwardSign);
    fn.set(m, sub(m, i32(1)));
  });
  fn.return(i32(1));
  return fn;
}
