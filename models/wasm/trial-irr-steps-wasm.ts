import {
  add,
  and,
  call,
  div,
  element,
  eq,
  f64,
  globalGet,
  gt,
  i32,
  isFiniteF64,
  le,
  lt,
  max,
  min,
  mul,
  ne,
  neg,
  not,
  select,
  sub,
  toF64,
  type WasmExpr,
  type WasmLocal,
} from './wasm-expr.ts';
import type { FunctionBuilder } from './wasm-function.ts';

/*
 * The steps of the WebAssembly trial IRR before its Halley search (trial-irr-search.ts's
 * scan, countRoots, narrowByHints and startingGuess, operation for operation). Each step
 * allocates its locals when it runs; defineTrialIrr runs them in this order, so the
 * function's locals and bytes are those of the single function they came from.
 */

/** 1, −1 or 0 as an i32, by the sign of an f64 (NaN gives 0). */
export const signOf = (x: WasmExpr): WasmExpr => select(gt(x, f64(0)), i32(1), select(lt(x, f64(0)), i32(-1), i32(0)));

/** The solver's parameters and what the scan of the flows leaves for the later steps. */
export interface IrrScan {
  flowsBase: WasmLocal;
  months: WasmLocal;
  hintRate: WasmLocal;
  hintValue: WasmLocal;
  hintTotal: WasmLocal;
  signChanges: WasmLocal;
  positiveSum: WasmLocal;
  positiveMoment: WasmLocal;
  negativeSum: WasmLocal;
  negativeMoment: WasmLocal;
  first: WasmLocal;
  last: WasmLocal;
}

/** Root-count flags (i32) and the bracket: g has the last flow's sign below lo, the first's above hi. */
export interface IrrBracket {
  positiveOnly: WasmLocal;
  mustCertify: WasmLocal;
  signAtLargeT: WasmLocal;
  lo: WasmLocal;
  hi: WasmLocal;
}

/**
 * Leading zero months, then one scan for sign changes and the two lumps; returns NaN when
 * every flow is 0 and ±Infinity when none changes sign.
 *
 * @example
 * const scan = emitFlowScan(fn);
 */
export function emitFlowScan(fn: FunctionBuilder): IrrScan {
  const [flowsBase, months, hintRate, hintValue, hintTotal] = [fn.param(0), fn.param(1), fn.param(2), fn.param(3), fn.param(4)];
  const signChanges = fn.local('i32');
  const positiveSum = fn.local('f64');
  const positiveMoment = fn.local('f64');
  const negativeSum = fn.local('f64');
  const negativeMoment = fn.local('f64');
  const month = fn.local('i32');
  const first = fn.local('i32');
  const last = fn.local('i32');
  const positive = fn.local('i32');
  const flow = fn.local('f64');

  // Leading zero months, then one scan for sign changes and the two lumps.
  fn.while(lt(month, months), (exit) => {
    fn.brIf(exit, ne(element('f64', flowsBase, month), f64(0)));
    fn.set(month, add(month, i32(1)));
  });
  fn.if(eq(month, months), () => fn.return(f64(NaN)));
  fn.set(first, month);
  fn.set(last, month);
  fn.set(positive, gt(element('f64', flowsBase, month), f64(0)));
  fn.while(lt(month, months), () => {
    fn.set(flow, element('f64', flowsBase, month));
    fn.if(
      gt(flow, f64(0)),
      () => {
        fn.set(positiveSum, add(positiveSum, flow));
        fn.set(positiveMoment, add(positiveMoment, mul(flow, toF64(month))));
        fn.set(last, month);
        fn.if(not(positive), () => {
          fn.set(positive, i32(1));
          fn.set(signChanges, add(signChanges, i32(1)));
        });
      },
      () =>
        fn.if(ne(flow, f64(0)), () => {
          fn.set(negativeSum, add(negativeSum, flow));
          fn.set(negativeMoment, add(negativeMoment, mul(flow, toF64(month))));
          fn.set(last, month);
          fn.if(positive, () => {
            fn.set(positive, i32(0));
            fn.set(signChanges, add(signChanges, i32(1)));
          });
        }),
    );
    fn.set(month, add(month, i32(1)));
  });
  fn.if(eq(signChanges, i32(0)), () => fn.return(select(gt(element('f64', flowsBase, first), f64(0)), f64(Infinity), f64(-Infinity))));
  return { flowsBase, months, hintRate, hintValue, hintTotal, signChanges, positiveSum, positiveMoment, negativeSum, negativeMoment, first, last };
}

/**
 * Norström on the running total, else the sign rule for the ends (returns NaN for an
 * even count); then the bracket, narrowed by the two free points the kernel passes.
 *
 * @example
 * const bracket = emitBracket(fn, scan);
 */
export function emitBracket(fn: FunctionBuilder, scan: IrrScan): IrrBracket {
  const { flowsBase, signChanges, first, last, hintRate, hintValue, hintTotal } = scan;
  // Norström on the running total, else the sign rule for the ends.
  const positiveOnly = fn.local('i32');
  const mustCertify = fn.local('i32');
  fn.if(gt(signChanges, i32(1)), () => {
    const cumulative = fn.local('f64');
    const cumulativeSign = fn.local('i32');
    const cumulativeChanges = fn.local('i32');
    const sign = fn.local('i32');
    const m = fn.local('i32');
    fn.set(m, first);
    fn.while(le(m, last), () => {
      fn.set(cumulative, add(cumulative, element('f64', flowsBase, m)));
      fn.set(sign, signOf(cumulative));
      fn.if(and(and(ne(sign, i32(0)), ne(cumulativeSign, i32(0))), ne(sign, cumulativeSign)), () => fn.set(cumulativeChanges, add(cumulativeChanges, i32(1))));
      fn.if(ne(sign, i32(0)), () => fn.set(cumulativeSign, sign));
      fn.set(m, add(m, i32(1)));
    });
    fn.if(
      and(eq(cumulativeChanges, i32(1)), ne(cumulative, f64(0))),
      () => fn.set(positiveOnly, i32(1)),
      () => {
        fn.if(eq(gt(element('f64', flowsBase, first), f64(0)), gt(element('f64', flowsBase, last), f64(0))), () => fn.return(f64(NaN)));
        fn.set(mustCertify, i32(1));
      },
    );
  });

  const signAtLargeT = fn.local('f64');
  const lo = fn.local('f64');
  const hi = fn.local('f64');
  fn.set(signAtLargeT, select(gt(element('f64', flowsBase, first), f64(0)), f64(1), f64(-1)));
  fn.set(lo, select(positiveOnly, f64(0), f64(-Infinity)));
  fn.set(hi, f64(Infinity));
  fn.if(and(and(gt(hintRate, f64(0)), isFiniteF64(hintValue)), isFiniteF64(hintTotal)), () => {
    fn.if(ne(hintTotal, f64(0)), () =>
      fn.if(
        gt(mul(hintTotal, signAtLargeT), f64(0)),
        () => fn.set(hi, min(hi, f64(0))),
        () => fn.set(lo, max(lo, f64(0))),
      ),
    );
    fn.if(ne(hintValue, f64(0)), () =>
      fn.if(
        gt(mul(hintValue, signAtLargeT), f64(0)),
        () => fn.set(hi, min(hi, hintRate)),
        () => fn.set(lo, max(lo, hintRate)),
      ),
    );
  });
  return { positiveOnly, mustCertify, signAtLargeT, lo, hi };
}

/**
 * The starting t: where the two lumps balance, else the warm start (the `previousRoot`
 * global) or the bracket's middle.
 *
 * @example
 * const t = emitStartingGuess(fn, scan, bracket, log, previousRoot);
 */
export function emitStartingGuess(fn: FunctionBuilder, scan: IrrScan, bracket: IrrBracket, log: number, previousRoot: number): WasmLocal {
  const { positiveSum, positiveMoment, negativeSum, negativeMoment } = scan;
  const { positiveOnly, lo, hi } = bracket;
  const t = fn.local('f64');
  fn.set(t, f64(NaN));
  fn.if(and(gt(positiveSum, f64(0)), lt(negativeSum, f64(0))), () => {
    const negativeCentre = fn.local('f64');
    const positiveCentre = fn.local('f64');
    fn.set(negativeCentre, div(negativeMoment, negativeSum));
    fn.set(positiveCentre, div(positiveMoment, positiveSum));
    fn.if(ne(positiveCentre, negativeCentre), () =>
      fn.set(t, div(call(log, [div(neg(positiveSum), negativeSum)], 'f64'), sub(positiveCentre, negativeCentre))),
    );
  });
  fn.if(not(and(and(and(gt(t, lo), lt(t, hi)), gt(t, f64(-1))), lt(t, f64(5)))), () => {
    const warm = fn.local('f64');
    const previous = globalGet(previousRoot, 'f64');
    fn.set(warm, select(and(positiveOnly, le(previous, f64(0))), f64(0.01), previous));
    fn.if(
      and(gt(warm, lo), lt(warm, hi)),
      () => fn.set(t, warm),
      () => fn.set(t, select(and(isFiniteF64(lo), isFiniteF64(hi)), div(add(lo, hi), f64(2)), select(isFiniteF64(lo), add(lo, f64(0.01)), sub(hi, f64(0.01))))),
    );
  });
  return t;
}
