import { CONTRACTION_FINAL_ERROR, CONTRACTION_FINAL_STEP, HALLEY_FINAL_STEP } from '../engine/trial-irr.ts';
import { POWERS_OF_TWO } from '../math/deterministic-math.ts';
import { defineExpAndLog, POWERS_OF_TWO_BYTES } from './deterministic-math-wasm.ts';
import { abs, add, and, call, div, element, eq, f64, globalGet, gt, i32, isFiniteF64, lane, le, load, lt, max, min, mul, ne, neg, not, or, select, shl, splat, sub, toF64, withLane, type WasmExpr, type WasmLocal } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { WasmModule } from './wasm-module.ts';
import { ValueType } from './wasm-opcodes.ts';

/** Longest flow series the solver takes (the case format's longest horizon). */
export const MAX_IRR_MONTHS = 240;
const FLOWS = POWERS_OF_TWO_BYTES;

/** The per-trial IRR solver running as WebAssembly, reading its flows from its own memory. */
export interface WasmTrialIrr {
  /** Write a trial's monthly net flows here (month 1 at index 0), then call `solve`. */
  flows: Float64Array;
  /** The same result, bit for bit, as createTrialIrr().solve on the same flows and state. */
  solve: (months: number, hintRate: number, hintValue: number, hintTotal: number) => number;
  /** Forgets the warm start, as createTrialIrr().reset. */
  reset: () => void;
}

interface IrrExports {
  memory: WebAssembly.Memory;
  solve: (months: number, hintRate: number, hintValue: number, hintTotal: number) => number;
  reset: () => void;
}

let compiled: WebAssembly.Module | null = null;

/**
 * A WebAssembly instance of the per-trial IRR on its own (the kernel module holds its
 * own copy of the same function), with its own warm start: for tests and tools.
 *
 * @example
 * const irr = createWasmTrialIrr();
 * irr.flows.set([-1000, 100, 1200]);
 * irr.solve(3, NaN, NaN, NaN) // ≈ 4.16, as createTrialIrr().solve
 */
export function createWasmTrialIrr(): WasmTrialIrr {
  compiled ??= new WebAssembly.Module(standaloneModule());
  const exports = new WebAssembly.Instance(compiled).exports as unknown as IrrExports;
  new Float64Array(exports.memory.buffer, 0, POWERS_OF_TWO.length).set(POWERS_OF_TWO);
  return { flows: new Float64Array(exports.memory.buffer, FLOWS, MAX_IRR_MONTHS), solve: exports.solve, reset: exports.reset };
}

function standaloneModule(): Uint8Array<ArrayBuffer> {
  const module = new WasmModule(1);
  const math = defineExpAndLog(module, 0);
  const { solve, previousRoot } = defineTrialIrr(module, math);
  const entry = new FunctionBuilder(['i32', 'f64', 'f64', 'f64'], 'f64');
  entry.return(call(solve, [i32(FLOWS), entry.param(0), entry.param(1), entry.param(2), entry.param(3)], 'f64'));
  module.define(entry.definition('solve'));
  const reset = new FunctionBuilder([], null);
  reset.setGlobal(previousRoot, f64(0));
  module.define(reset.definition('reset'));
  return module.encode();
}

/** 1, −1 or 0 as an i32, by the sign of an f64 (NaN gives 0). */
const signOf = (x: WasmExpr): WasmExpr => select(gt(x, f64(0)), i32(1), select(lt(x, f64(0)), i32(-1), i32(0)));

/**
 * Adds trial-irr.ts's solver to a module, ported operation for operation (same bits):
 * solve(flowsBase, months, hintRate, hintValue, hintTotal) reads months f64 flows at
 * byte address flowsBase, and may read (and ignore) the two f64 after them. Its warm start
 * is the returned global, which the caller resets to 0 where createTrialIrr().reset would.
 *
 * @example
 * const { solve, previousRoot } = defineTrialIrr(module, defineExpAndLog(module, 0));
 */
export function defineTrialIrr(module: WasmModule, math: { exp: number; log: number }): { solve: number; previousRoot: number } {
  const { exp, log } = math;
  const previousRoot = module.global(ValueType.f64, 0);
  const isOnlyRoot = module.define(isOnlyRootFunction(exp).definition());
  const fn = new FunctionBuilder(['i32', 'i32', 'f64', 'f64', 'f64'], 'f64');
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
      fn.if(and(and(ne(sign, i32(0)), ne(cumulativeSign, i32(0))), ne(sign, cumulativeSign)), () =>
        fn.set(cumulativeChanges, add(cumulativeChanges, i32(1))),
      );
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

  // Start where the two lumps balance, else the warm start or the bracket's middle.
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
      () =>
        fn.set(
          t,
          select(
            and(isFiniteF64(lo), isFiniteF64(hi)),
            div(add(lo, hi), f64(2)),
            select(isFiniteF64(lo), add(lo, f64(0.01)), sub(hi, f64(0.01))),
          ),
        ),
    );
  });

  // Halley's method on g(t) = Σ flow_k e^(−k·t), inside the bracket.
  const converged = fn.local('i32');
  const iteration = fn.local('i32');
  const x = fn.local('f64');
  const x2 = fn.local('f64');
  const x4 = fn.local('v128');
  const g0 = fn.local('f64');
  const g1 = fn.local('f64');
  const g2 = fn.local('f64');
  const m = fn.local('i32');
  // trial-irr.ts's four lanes of months as two f64x2 vectors: A holds lanes 0 and 1, B lanes 2 and 3.
  const [powerA, powerB, weightA, weightB, sumA, sumB, weightedA, weightedB, squaredA, squaredB, termA, termB, timesKA, timesKB] =
    Array.from({ length: 14 }, () => fn.local('v128'));
  const denominator = fn.local('f64');
  const next = fn.local('f64');
  const halley = fn.local('i32');
  const step = fn.local('f64');
  const scale = fn.local('f64');
  const previousHalleyStep = fn.local('f64');
  const contraction = fn.local('f64');
  const errorLeft = fn.local('f64');
  const final = fn.local('i32');
  /** Adds one step's terms (flow·x^k per lane) to a vector's three sums. */
  const accumulate = (term: WasmLocal, weight: WasmLocal, sum: WasmLocal, weighted: WasmLocal, squared: WasmLocal, timesK: WasmLocal): void => {
    fn.set(timesK, mul(weight, term));
    fn.set(sum, add(sum, term));
    fn.set(weighted, add(weighted, timesK));
    fn.set(squared, add(squared, mul(weight, timesK)));
  };
  /** The term of month m + offset in a tail lane: 0 past the last month. */
  const tailTerm = (offset: number, power: WasmExpr): WasmExpr =>
    select(le(add(m, i32(offset)), last), mul(element('f64', flowsBase, add(m, i32(offset))), power), f64(0));
  fn.while(lt(iteration, i32(200)), (done) => {
    fn.set(x, call(exp, [neg(t)], 'f64'));
    fn.set(x2, mul(x, x));
    fn.set(x4, splat(mul(x2, x2)));
    fn.set(m, first);
    fn.set(powerA, withLane(splat(f64(1)), 1, x));
    fn.set(powerB, withLane(splat(x2), 1, mul(x2, x)));
    fn.set(weightA, withLane(splat(f64(0)), 1, f64(1)));
    fn.set(weightB, withLane(splat(f64(2)), 1, f64(3)));
    for (const sum of [sumA, sumB, weightedA, weightedB, squaredA, squaredB]) fn.set(sum, splat(f64(0)));
    fn.while(le(add(m, i32(3)), last), () => {
      const address = add(shl(m, i32(3)), flowsBase);
      fn.set(termA, mul(load('v128', address), powerA));
      fn.set(termB, mul(load('v128', address, 16), powerB));
      accumulate(termA, weightA, sumA, weightedA, squaredA, timesKA);
      accumulate(termB, weightB, sumB, weightedB, squaredB, timesKB);
      fn.set(powerA, mul(powerA, x4));
      fn.set(powerB, mul(powerB, x4));
      fn.set(weightA, add(weightA, splat(f64(4))));
      fn.set(weightB, add(weightB, splat(f64(4))));
      fn.set(m, add(m, i32(4)));
    });
    // The last one to three months (zero terms add nothing: a sum that starts at +0 never holds −0).
    fn.if(le(m, last), () => {
      fn.set(termA, withLane(withLane(splat(f64(0)), 0, tailTerm(0, lane(powerA, 0))), 1, tailTerm(1, lane(powerA, 1))));
      fn.set(termB, withLane(splat(f64(0)), 0, tailTerm(2, lane(powerB, 0))));
      accumulate(termA, weightA, sumA, weightedA, squaredA, timesKA);
      accumulate(termB, weightB, sumB, weightedB, squaredB, timesKB);
    });
    /** (lane 0 + lane 2) + (lane 1 + lane 3), as trial-irr.ts adds them. */
    const total = (a: WasmLocal, b: WasmLocal): WasmExpr => add(lane(add(a, b), 0), lane(add(a, b), 1));
    fn.set(g0, total(sumA, sumB));
    fn.set(g1, total(weightedA, weightedB));
    fn.set(g2, total(squaredA, squaredB));
    fn.set(g1, neg(g1));
    fn.if(eq(g0, f64(0)), () => {
      fn.set(converged, i32(1));
      fn.br(done);
    });
    fn.if(gt(mul(g0, signAtLargeT), f64(0)), () => fn.set(hi, min(hi, t)), () => fn.set(lo, max(lo, t)));
    fn.if(and(mustCertify, gt(lo, add(hi, mul(f64(1e-9), max(f64(1), abs(hi)))))), () => fn.return(f64(NaN)));
    fn.set(denominator, sub(mul(mul(f64(2), g1), g1), mul(g0, g2)));
    fn.set(next, select(ne(denominator, f64(0)), sub(t, div(mul(mul(f64(2), g0), g1), denominator)), f64(NaN)));
    fn.set(halley, i32(1));
    fn.if(not(and(gt(next, lo), lt(next, hi))), () => {
      fn.set(
        next,
        select(
          and(isFiniteF64(lo), isFiniteF64(hi)),
          div(add(lo, hi), f64(2)),
          select(isFiniteF64(lo), add(lo, max(f64(1), abs(lo))), sub(hi, max(f64(1), abs(hi)))),
        ),
      );
      fn.set(halley, i32(0));
    });
    fn.set(step, abs(sub(next, t)));
    fn.set(scale, max(f64(1e-3), abs(next)));
    // The contraction rule of trial-irr.ts: error left ≈ (step / previous)³ · step.
    fn.set(contraction, select(gt(previousHalleyStep, f64(0)), div(step, previousHalleyStep), f64(Infinity)));
    fn.set(errorLeft, mul(mul(mul(contraction, contraction), contraction), step));
    fn.set(
      final,
      and(
        halley,
        or(
          le(step, mul(f64(HALLEY_FINAL_STEP), scale)),
          and(le(step, mul(f64(CONTRACTION_FINAL_STEP), scale)), le(errorLeft, mul(f64(CONTRACTION_FINAL_ERROR), scale))),
        ),
      ),
    );
    fn.set(previousHalleyStep, select(halley, step, f64(0)));
    fn.if(or(le(step, mul(f64(1e-12), scale)), final), () => {
      fn.set(t, next);
      fn.set(converged, i32(1));
      fn.br(done);
    });
    fn.if(or(lt(next, f64(-30)), gt(next, f64(30))), () => fn.return(f64(NaN)));
    fn.set(t, next);
    fn.set(iteration, add(iteration, i32(1)));
  });
  fn.if(not(converged), () => fn.return(f64(NaN)));
  fn.if(mustCertify, () => fn.if(not(call(isOnlyRoot, [flowsBase, first, last, t], 'i32')), () => fn.return(f64(NaN))));
  fn.setGlobal(previousRoot, select(isFiniteF64(t), t, f64(0)));
  fn.return(sub(call(exp, [mul(f64(12), t)], 'f64'), f64(1)));
  return { solve: module.define(fn.definition()), previousRoot };
}

/** trial-irr.ts's isOnlyRoot: the rule of signs on each side of t, and that t is a root. */
function isOnlyRootFunction(exp: number): FunctionBuilder {
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
