import { CONTRACTION_FINAL_ERROR, CONTRACTION_FINAL_STEP, HALLEY_FINAL_STEP } from '../engine/irr-stopping-rules.ts';
import {
  abs,
  add,
  and,
  call,
  div,
  element,
  eq,
  f64,
  gt,
  i32,
  isFiniteF64,
  lane,
  le,
  load,
  lt,
  max,
  min,
  mul,
  ne,
  neg,
  not,
  or,
  select,
  shl,
  splat,
  sub,
  withLane,
  type WasmExpr,
  type WasmLocal,
} from './wasm-expr.ts';
import type { FunctionBuilder, WasmLabel } from './wasm-function.ts';
import type { IrrBracket, IrrScan } from './trial-irr-steps-wasm.ts';

/** The locals of one pass over the flows: x = e^(−t), its powers, g and its derivatives, and the two vectors' lanes. */
interface LaneLocals {
  x: WasmLocal;
  x2: WasmLocal;
  x4: WasmLocal;
  g0: WasmLocal;
  g1: WasmLocal;
  g2: WasmLocal;
  m: WasmLocal;
  /** trial-irr-search.ts's four lanes of months as two f64x2 vectors: A holds lanes 0 and 1, B lanes 2 and 3. */
  v: Record<(typeof VECTOR_NAMES)[number], WasmLocal>;
}

const VECTOR_NAMES = [
  'powerA',
  'powerB',
  'weightA',
  'weightB',
  'sumA',
  'sumB',
  'weightedA',
  'weightedB',
  'squaredA',
  'squaredB',
  'termA',
  'termB',
  'timesKA',
  'timesKB',
] as const;

/**
 * Halley's method on g(t) = Σ flow_k e^(−k·t), inside the bracket, as trial-irr-search.ts's
 * halley and sums: leaves the root in `t`, or returns NaN from the solver when the search
 * gives no single rate. Its locals are allocated after the earlier steps', in this order.
 *
 * @example
 * emitHalleySearch(fn, scan, bracket, t, exp);
 */
export function emitHalleySearch(fn: FunctionBuilder, scan: IrrScan, bracket: IrrBracket, t: WasmLocal, exp: number): void {
  const converged = fn.local('i32');
  const iteration = fn.local('i32');
  const x = fn.local('f64');
  const x2 = fn.local('f64');
  const x4 = fn.local('v128');
  const g0 = fn.local('f64');
  const g1 = fn.local('f64');
  const g2 = fn.local('f64');
  const m = fn.local('i32');
  const vectors = Array.from({ length: VECTOR_NAMES.length }, () => fn.local('v128'));
  const lanes: LaneLocals = { x, x2, x4, g0, g1, g2, m, v: Object.fromEntries(VECTOR_NAMES.map((name, i) => [name, vectors[i]])) as LaneLocals['v'] };
  const step = stepLocals(fn);
  fn.while(lt(iteration, i32(200)), (done) => {
    emitLaneSums(fn, scan, lanes, t, exp);
    emitHalleyStep(fn, bracket, lanes, step, t, converged, done);
    fn.set(iteration, add(iteration, i32(1)));
  });
  fn.if(not(converged), () => fn.return(f64(NaN)));
}

/** The locals of one Halley step, allocated in this order. */
function stepLocals(fn: FunctionBuilder) {
  return {
    denominator: fn.local('f64'),
    next: fn.local('f64'),
    halley: fn.local('i32'),
    step: fn.local('f64'),
    scale: fn.local('f64'),
    previousHalleyStep: fn.local('f64'),
    contraction: fn.local('f64'),
    errorLeft: fn.local('f64'),
    final: fn.local('i32'),
  };
}

/** One pass over the months from first to last in two f64x2 vectors: g0, g1 (negated Σ k·term) and g2 at t. */
function emitLaneSums(fn: FunctionBuilder, { flowsBase, first, last }: IrrScan, lanes: LaneLocals, t: WasmLocal, exp: number): void {
  const { x, x2, x4, m } = lanes;
  const { powerA, powerB, weightA, weightB, sumA, sumB, weightedA, weightedB, squaredA, squaredB, termA, termB, timesKA, timesKB } = lanes.v;
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
  /** (lane 0 + lane 2) + (lane 1 + lane 3), as trial-irr-search.ts adds them. */
  const total = (a: WasmLocal, b: WasmLocal): WasmExpr => add(lane(add(a, b), 0), lane(add(a, b), 1));
  fn.set(lanes.g0, total(sumA, sumB));
  fn.set(lanes.g1, total(weightedA, weightedB));
  fn.set(lanes.g2, total(squaredA, squaredB));
  fn.set(lanes.g1, neg(lanes.g1));
}

/** Narrows the bracket by g's sign at t, then takes a Halley step (or bisects) and decides whether it is final. */
function emitHalleyStep(
  fn: FunctionBuilder,
  { mustCertify, signAtLargeT, lo, hi }: IrrBracket,
  { g0, g1, g2 }: LaneLocals,
  s: ReturnType<typeof stepLocals>,
  t: WasmLocal,
  converged: WasmLocal,
  done: WasmLabel,
): void {
  const { denominator, next, halley, step, scale, previousHalleyStep, contraction, errorLeft, final } = s;
  fn.if(eq(g0, f64(0)), () => {
    fn.set(converged, i32(1));
    fn.br(done);
  });
  fn.if(
    gt(mul(g0, signAtLargeT), f64(0)),
    () => fn.set(hi, min(hi, t)),
    () => fn.set(lo, max(lo, t)),
  );
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
  // The contraction rule of trial-irr-search.ts: error left ≈ (step / previous)³ · step.
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
}
