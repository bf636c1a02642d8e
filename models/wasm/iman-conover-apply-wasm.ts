import { MAX_SCORE_BUCKET, SCORE_SPREAD } from '../sampling/score-argsort.ts';
import {
  abs,
  add,
  and,
  choose,
  div,
  element,
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
  ne,
  not,
  or,
  select,
  shl,
  sqrt,
  sub,
  toF64,
  truncToI32,
  type WasmExpr,
  type WasmLocal,
} from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { ImanConoverLayout } from './iman-conover-layout.ts';

/** Byte addresses of column c's arrays in the port's layout (`chunkSize` values per column). */
interface ColumnAddresses {
  keys(c: number): number;
  bucketOf(c: number): number;
  starts(c: number): number;
  ranks(c: number): number;
  finalRanks(c: number): number;
  sorted(c: number): number;
}

function columnAddresses(layout: ImanConoverLayout): ColumnAddresses {
  const N = layout.chunkSize;
  return {
    keys: (c) => layout.keys + c * N * 8,
    bucketOf: (c) => layout.bucketOf + c * N * 4,
    starts: (c) => layout.starts + c * (N + 1) * 4,
    ranks: (c) => layout.ranks + c * N * 4,
    finalRanks: (c) => layout.finalRanks + c * N * 8,
    sorted: (c) => layout.sorted + c * N * 8,
  };
}

/** The loop counters and value local every step of `icApply` shares (allocated first, in this order). */
interface ApplyLocals {
  n: WasmLocal;
  i: WasmLocal;
  j: WasmLocal;
  v: WasmLocal;
}

/**
 * Builds `icApply(n)` (see defineImanConover): transformed scores, the checks that send a
 * chunk back to iman-conover.ts, the rearranged columns and the achieved Spearman matrix.
 * The steps allocate their locals in this order, so the bytes do not depend on the split.
 *
 * @example
 * module.define(applyFunction(layout, 3).definition('icApply'));
 */
export function applyFunction(layout: ImanConoverLayout, k: number): FunctionBuilder {
  const fn = new FunctionBuilder(['i32'], 'i32');
  const at = columnAddresses(layout);
  const locals: ApplyLocals = { n: fn.param(0), i: fn.local('i32'), j: fn.local('i32'), v: fn.local('f64') };
  emitTransformedScores(fn, layout, k, locals, at);
  const slot = emitBucketChecks(fn, k, locals, at);
  emitRearrangedColumns(fn, layout, k, locals, at, slot);
  emitAchievedSpearman(fn, layout, k, locals, at);
  fn.return(i32(0));
  return fn;
}

/** The scores times the transform, row by row (each sum from +0, as iman-conover.ts adds them), into `keys`. */
function emitTransformedScores(fn: FunctionBuilder, layout: ImanConoverLayout, k: number, { n, j }: ApplyLocals, at: ColumnAddresses): void {
  const transform = Array.from({ length: k * k }, () => fn.local('f64'));
  transform.forEach((local, index) => fn.set(local, load('f64', i32(layout.transform + index * 8))));
  const row = Array.from({ length: k }, () => fn.local('f64'));
  fn.while(lt(j, n), () => {
    for (let a = 0; a < k; a++) {
      let sum: WasmExpr = f64(0);
      for (let b = 0; b < k; b++) sum = add(sum, mul(transform[a * k + b], element('f64', layout.scores, add(mul(j, i32(k)), i32(b)))));
      fn.set(row[a], sum);
    }
    for (let a = 0; a < k; a++) fn.store(add(i32(at.keys(a)), shl(j, i32(3))), row[a]);
    fn.set(j, add(j, i32(1)));
  });
}

/**
 * Everything iman-conover.ts would hand to another algorithm is checked before any column
 * changes (sorted draws out of order, a NaN key, a crowded bucket: return 1); meanwhile each
 * key's score bucket and the bucket starts are counted. Returns the `slot` local.
 */
function emitBucketChecks(fn: FunctionBuilder, k: number, { n, i, v }: ApplyLocals, at: ColumnAddresses): WasmLocal {
  const half = fn.local('f64');
  const bucketLimit = fn.local('f64');
  const bucketValue = fn.local('f64');
  const bucket = fn.local('i32');
  const slot = fn.local('i32');
  fn.set(bucketLimit, toF64(n));
  fn.set(half, div(bucketLimit, f64(2)));
  for (let c = 0; c < k; c++) {
    fn.for(i, i32(1), n, () => {
      fn.if(not(le(element('f64', at.sorted(c), sub(i, i32(1))), element('f64', at.sorted(c), i))), () => fn.return(i32(1)));
    });
    fn.set(i, i32(0));
    fn.while(le(i, n), () => {
      fn.store(add(i32(at.starts(c)), shl(i, i32(2))), i32(0));
      fn.set(i, add(i, i32(1)));
    });
    fn.for(i, i32(0), n, () => {
      fn.set(v, element('f64', at.keys(c), i));
      fn.if(ne(v, v), () => fn.return(i32(1)));
      fn.set(bucketValue, floor(add(half, div(mul(half, v), add(f64(SCORE_SPREAD), abs(v))))));
      fn.set(
        bucket,
        choose(
          or(eq(v, f64(Infinity)), ge(bucketValue, bucketLimit)),
          sub(n, i32(1)),
          choose(or(eq(v, f64(-Infinity)), lt(bucketValue, f64(0))), i32(0), truncToI32(bucketValue)),
        ),
      );
      fn.store(add(i32(at.bucketOf(c)), shl(i, i32(2))), bucket);
      fn.set(slot, add(i32(at.starts(c)), shl(add(bucket, i32(1)), i32(2))));
      fn.store(slot, add(load('i32', slot), i32(1)));
    });
    fn.for(i, i32(0), n, () => {
      fn.set(slot, add(i32(at.starts(c)), shl(add(i, i32(1)), i32(2))));
      fn.if(gt(load('i32', slot), i32(MAX_SCORE_BUCKET)), () => fn.return(i32(1)));
      fn.store(slot, add(load('i32', slot), element('i32', at.starts(c), i)));
    });
  }
  return slot;
}

/**
 * For each column: scoreArgsort of its keys, the ranks, the column rearranged from its
 * sorted draws in that order, and its average ranks over runs of equal draws.
 */
function emitRearrangedColumns(
  fn: FunctionBuilder,
  layout: ImanConoverLayout,
  k: number,
  { n, i, j, v }: ApplyLocals,
  at: ColumnAddresses,
  slot: WasmLocal,
): void {
  const column = fn.local('i32');
  const index = fn.local('i32');
  const before = fn.local('f64');
  const start = fn.local('i32');
  const end = fn.local('i32');
  const average = fn.local('f64');
  for (let c = 0; c < k; c++) {
    // scoreArgsort: indices into their buckets in order, then an insertion pass within buckets.
    fn.for(i, i32(0), n, () => {
      fn.set(slot, add(i32(at.starts(c)), shl(element('i32', at.bucketOf(c), i), i32(2))));
      fn.store(add(i32(layout.order), shl(load('i32', slot), i32(2))), i);
      fn.store(slot, add(load('i32', slot), i32(1)));
    });
    fn.for(i, i32(1), n, () => {
      fn.set(index, element('i32', layout.order, i));
      fn.set(v, element('f64', at.keys(c), index));
      fn.set(j, sub(i, i32(1)));
      fn.while(ge(j, i32(0)), (exit) => {
        fn.set(before, element('f64', at.keys(c), element('i32', layout.order, j)));
        // isAfter: larger, or +0 against −0.
        fn.brIf(exit, not(choose(gt(before, v), i32(1), choose(and(eq(before, f64(0)), eq(v, f64(0))), gt(div(f64(1), before), div(f64(1), v)), i32(0)))));
        fn.store(add(i32(layout.order), shl(add(j, i32(1)), i32(2))), element('i32', layout.order, j));
        fn.set(j, sub(j, i32(1)));
      });
      fn.store(add(i32(layout.order), shl(add(j, i32(1)), i32(2))), index);
    });
    fn.for(i, i32(0), n, () => {
      fn.store(add(i32(at.ranks(c)), shl(element('i32', layout.order, i), i32(2))), i);
    });
    // The column takes its sorted draws in the order of its transformed scores.
    fn.set(column, load('i32', i32(layout.columns + c * 4)));
    fn.for(i, i32(0), n, () => {
      fn.store(add(column, shl(i, i32(3))), element('f64', at.sorted(c), element('i32', at.ranks(c), i)));
    });
    // Average ranks over runs of equal draws.
    fn.set(start, i32(0));
    fn.while(lt(start, n), () => {
      fn.set(end, add(start, i32(1)));
      fn.while(lt(end, n), (exit) => {
        fn.brIf(exit, ne(element('f64', at.sorted(c), end), element('f64', at.sorted(c), start)));
        fn.set(end, add(end, i32(1)));
      });
      fn.set(average, div(toF64(sub(add(start, end), i32(1))), f64(2)));
      fn.while(lt(start, end), () => {
        fn.store(add(i32(layout.runRank), shl(start, i32(3))), average);
        fn.set(start, add(start, i32(1)));
      });
    });
    fn.for(i, i32(0), n, () => {
      fn.store(add(i32(at.finalRanks(c)), shl(i, i32(3))), element('f64', layout.runRank, element('i32', at.ranks(c), i)));
    });
  }
}

/** Spearman: the Pearson correlation of the rearranged columns' average ranks, into `achieved` (both triangles). */
function emitAchievedSpearman(fn: FunctionBuilder, layout: ImanConoverLayout, k: number, { n, i }: ApplyLocals, at: ColumnAddresses): void {
  const meanRank = fn.local('f64');
  const cross = fn.local('f64');
  const squaresA = fn.local('f64');
  const squaresB = fn.local('f64');
  const da = fn.local('f64');
  const db = fn.local('f64');
  const rho = fn.local('f64');
  fn.set(meanRank, div(toF64(sub(n, i32(1))), f64(2)));
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      fn.set(cross, f64(0));
      fn.set(squaresA, f64(0));
      fn.set(squaresB, f64(0));
      fn.for(i, i32(0), n, () => {
        fn.set(da, sub(element('f64', at.finalRanks(a), i), meanRank));
        fn.set(db, sub(element('f64', at.finalRanks(b), i), meanRank));
        fn.set(cross, add(cross, mul(da, db)));
        fn.set(squaresA, add(squaresA, mul(da, da)));
        fn.set(squaresB, add(squaresB, mul(db, db)));
      });
      fn.set(rho, select(and(gt(squaresA, f64(0)), gt(squaresB, f64(0))), div(cross, sqrt(mul(squaresA, squaresB))), f64(0)));
      fn.store(i32(layout.achieved + (a * k + b) * 8), rho);
      fn.store(i32(layout.achieved + (b * k + a) * 8), rho);
    }
  }
}
