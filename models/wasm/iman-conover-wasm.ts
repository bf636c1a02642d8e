import { MAX_SCORE_BUCKET, SCORE_SPREAD } from '../sampling/score-argsort.ts';
import { abs, add, and, choose, div, element, eq, f64, floor, ge, gt, i32, le, load, lt, mul, mulHigh, ne, not, or, select, shl, sqrt, sub, toF64, truncToI32, type WasmExpr, type WasmLocal } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { WasmModule } from './wasm-module.ts';
import { loadState, sfc32Step, storeState } from './stratum-sampler-wasm.ts';

/** Where the Iman–Conover port keeps its arrays (byte addresses); `chunkSize` values per column. */
export interface ImanConoverLayout {
  /** sfc32 state, four i32 (the sampler's). */
  state: number;
  chunkSize: number;
  /** The chunk size's standard scores (iman-conover.ts `standardScores`), written by the caller. */
  base: number;
  /** n × k scores, row-major, as iman-conover.ts keeps them. */
  scores: number;
  /** The transformed scores, one column of chunkSize f64 per correlated input. */
  keys: number;
  bucketOf: number;
  /** chunkSize + 1 i32 per column. */
  starts: number;
  order: number;
  ranks: number;
  finalRanks: number;
  runRank: number;
  /** k × k f64: co-moments out (upper triangle), transform in, achieved Spearman out. */
  covariance: number;
  transform: number;
  achieved: number;
  /** k i32: byte address of each correlated input's column. */
  columns: number;
  /** Sorted draws of correlated input c at sorted + c · chunkSize · 8 (the sampler's). */
  sorted: number;
}

/** The most correlated inputs the port handles: its transform lives in k² locals. More go to iman-conover.ts. */
export const MAX_WASM_CORRELATED = 8;

/**
 * Adds iman-conover.ts's arithmetic for k correlated inputs (2 ≤ k ≤ 8) to a module, in
 * two steps around the k×k work the caller does in JavaScript (`transformFromCovariance`):
 * - `icScores(n)`: the standard scores into each column, each shuffled from the stream
 *   at `state`, and the co-moments of the shuffled scores (upper triangle) into `covariance`;
 * - `icApply(n)`: the scores times `transform`; then, for each column, the argsort of
 *   `scoreArgsort`, the ranks, the column rearranged from its sorted draws, the average
 *   ranks of ties; then the achieved Spearman matrix into `achieved`. It returns 1 and
 *   changes no column when any column needs what only iman-conover.ts does (a NaN or
 *   crowded score bucket, sorted draws out of order), else 0.
 * Same operations in the same order as iman-conover.ts, so the same bits.
 *
 * @example
 * const { icScores, icApply } = defineImanConover(module, layout, 3);
 */
export function defineImanConover(module: WasmModule, layout: ImanConoverLayout, k: number): { icScores: number; icApply: number } {
  if (k < 2 || k > MAX_WASM_CORRELATED) throw new RangeError(`the Iman–Conover port takes 2 to ${MAX_WASM_CORRELATED} inputs, got ${k}`);
  return { icScores: module.define(scoresFunction(layout, k).definition('icScores')), icApply: module.define(applyFunction(layout, k).definition('icApply')) };
}


function scoresFunction(layout: ImanConoverLayout, k: number): FunctionBuilder {
  const fn = new FunctionBuilder(['i32'], null);
  const n = fn.param(0);
  const state = loadState(fn, layout.state);
  const t = fn.local('i32');
  const j = fn.local('i32');
  const here = fn.local('i32');
  const there = fn.local('i32');
  const held = fn.local('f64');
  const cell = (row: WasmExpr, column: number): WasmExpr => add(i32(layout.scores), shl(add(mul(row, i32(k)), i32(column)), i32(3)));
  for (let c = 0; c < k; c++) {
    fn.for(j, i32(0), n, () => {
      fn.store(cell(j, c), element('f64', layout.base, j));
    });
    fn.set(j, sub(n, i32(1)));
    fn.while(gt(j, i32(0)), () => {
      sfc32Step(fn, state, t);
      fn.set(here, cell(j, c));
      fn.set(there, cell(mulHigh(t, add(j, i32(1))), c));
      fn.set(held, load('f64', here));
      fn.store(here, load('f64', there));
      fn.store(there, held);
      fn.set(j, sub(j, i32(1)));
    });
  }
  storeState(fn, layout.state, state);

  const count = fn.local('f64');
  fn.set(count, toF64(n));
  const means = Array.from({ length: k }, () => fn.local('f64'));
  fn.for(j, i32(0), n, () => {
    for (let a = 0; a < k; a++) fn.set(means[a], add(means[a], div(load('f64', cell(j, a)), count)));
  });
  const moments = new Map<number, WasmLocal>();
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) moments.set(a * k + b, fn.local('f64'));
  const deviation = fn.local('f64');
  fn.for(j, i32(0), n, () => {
    for (let a = 0; a < k; a++) {
      fn.set(deviation, sub(load('f64', cell(j, a)), means[a]));
      for (let b = a; b < k; b++) {
        const sum = moments.get(a * k + b)!;
        fn.set(sum, add(sum, mul(deviation, sub(load('f64', cell(j, b)), means[b]))));
      }
    }
  });
  for (const [index, sum] of moments) fn.store(i32(layout.covariance + index * 8), sum);
  return fn;
}

function applyFunction(layout: ImanConoverLayout, k: number): FunctionBuilder {
  const fn = new FunctionBuilder(['i32'], 'i32');
  const n = fn.param(0);
  const N = layout.chunkSize;
  const keys = (c: number): number => layout.keys + c * N * 8;
  const bucketOf = (c: number): number => layout.bucketOf + c * N * 4;
  const starts = (c: number): number => layout.starts + c * (N + 1) * 4;
  const ranks = (c: number): number => layout.ranks + c * N * 4;
  const finalRanks = (c: number): number => layout.finalRanks + c * N * 8;
  const sorted = (c: number): number => layout.sorted + c * N * 8;
  const i = fn.local('i32');
  const j = fn.local('i32');
  const v = fn.local('f64');

  // The scores times the transform, row by row (each sum from +0, as iman-conover.ts adds them).
  const transform = Array.from({ length: k * k }, () => fn.local('f64'));
  transform.forEach((local, index) => fn.set(local, load('f64', i32(layout.transform + index * 8))));
  const row = Array.from({ length: k }, () => fn.local('f64'));
  fn.while(lt(j, n), () => {
    for (let a = 0; a < k; a++) {
      let sum: WasmExpr = f64(0);
      for (let b = 0; b < k; b++) sum = add(sum, mul(transform[a * k + b], element('f64', layout.scores, add(mul(j, i32(k)), i32(b)))));
      fn.set(row[a], sum);
    }
    for (let a = 0; a < k; a++) fn.store(add(i32(keys(a)), shl(j, i32(3))), row[a]);
    fn.set(j, add(j, i32(1)));
  });

  // Everything iman-conover.ts would hand to another algorithm is checked before any column changes.
  const half = fn.local('f64');
  const bucketLimit = fn.local('f64');
  const bucketValue = fn.local('f64');
  const bucket = fn.local('i32');
  const slot = fn.local('i32');
  fn.set(bucketLimit, toF64(n));
  fn.set(half, div(bucketLimit, f64(2)));
  for (let c = 0; c < k; c++) {
    fn.for(i, i32(1), n, () => {
      fn.if(not(le(element('f64', sorted(c), sub(i, i32(1))), element('f64', sorted(c), i))), () => fn.return(i32(1)));
    });
    fn.set(i, i32(0));
    fn.while(le(i, n), () => {
      fn.store(add(i32(starts(c)), shl(i, i32(2))), i32(0));
      fn.set(i, add(i, i32(1)));
    });
    fn.for(i, i32(0), n, () => {
      fn.set(v, element('f64', keys(c), i));
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
      fn.store(add(i32(bucketOf(c)), shl(i, i32(2))), bucket);
      fn.set(slot, add(i32(starts(c)), shl(add(bucket, i32(1)), i32(2))));
      fn.store(slot, add(load('i32', slot), i32(1)));
    });
    fn.for(i, i32(0), n, () => {
      fn.set(slot, add(i32(starts(c)), shl(add(i, i32(1)), i32(2))));
      fn.if(gt(load('i32', slot), i32(MAX_SCORE_BUCKET)), () => fn.return(i32(1)));
      fn.store(slot, add(load('i32', slot), element('i32', starts(c), i)));
    });
  }

  const column = fn.local('i32');
  const index = fn.local('i32');
  const before = fn.local('f64');
  const start = fn.local('i32');
  const end = fn.local('i32');
  const average = fn.local('f64');
  for (let c = 0; c < k; c++) {
    // scoreArgsort: indices into their buckets in order, then an insertion pass within buckets.
    fn.for(i, i32(0), n, () => {
      fn.set(slot, add(i32(starts(c)), shl(element('i32', bucketOf(c), i), i32(2))));
      fn.store(add(i32(layout.order), shl(load('i32', slot), i32(2))), i);
      fn.store(slot, add(load('i32', slot), i32(1)));
    });
    fn.for(i, i32(1), n, () => {
      fn.set(index, element('i32', layout.order, i));
      fn.set(v, element('f64', keys(c), index));
      fn.set(j, sub(i, i32(1)));
      fn.while(ge(j, i32(0)), (exit) => {
        fn.set(before, element('f64', keys(c), element('i32', layout.order, j)));
        // isAfter: larger, or +0 against −0.
        fn.brIf(exit, not(choose(gt(before, v), i32(1), choose(and(eq(before, f64(0)), eq(v, f64(0))), gt(div(f64(1), before), div(f64(1), v)), i32(0)))));
        fn.store(add(i32(layout.order), shl(add(j, i32(1)), i32(2))), element('i32', layout.order, j));
        fn.set(j, sub(j, i32(1)));
      });
      fn.store(add(i32(layout.order), shl(add(j, i32(1)), i32(2))), index);
    });
    fn.for(i, i32(0), n, () => {
      fn.store(add(i32(ranks(c)), shl(element('i32', layout.order, i), i32(2))), i);
    });
    // The column takes its sorted draws in the order of its transformed scores.
    fn.set(column, load('i32', i32(layout.columns + c * 4)));
    fn.for(i, i32(0), n, () => {
      fn.store(add(column, shl(i, i32(3))), element('f64', sorted(c), element('i32', ranks(c), i)));
    });
    // Average ranks over runs of equal draws.
    fn.set(start, i32(0));
    fn.while(lt(start, n), () => {
      fn.set(end, add(start, i32(1)));
      fn.while(lt(end, n), (exit) => {
        fn.brIf(exit, ne(element('f64', sorted(c), end), element('f64', sorted(c), start)));
        fn.set(end, add(end, i32(1)));
      });
      fn.set(average, div(toF64(sub(add(start, end), i32(1))), f64(2)));
      fn.while(lt(start, end), () => {
        fn.store(add(i32(layout.runRank), shl(start, i32(3))), average);
        fn.set(start, add(start, i32(1)));
      });
    });
    fn.for(i, i32(0), n, () => {
      fn.store(add(i32(finalRanks(c)), shl(i, i32(3))), element('f64', layout.runRank, element('i32', ranks(c), i)));
    });
  }

  // Spearman: the Pearson correlation of the rearranged columns' average ranks.
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
        fn.set(da, sub(element('f64', finalRanks(a), i), meanRank));
        fn.set(db, sub(element('f64', finalRanks(b), i), meanRank));
        fn.set(cross, add(cross, mul(da, db)));
        fn.set(squaresA, add(squaresA, mul(da, da)));
        fn.set(squaresB, add(squaresB, mul(db, db)));
      });
      fn.set(rho, select(and(gt(squaresA, f64(0)), gt(squaresB, f64(0))), div(cross, sqrt(mul(squaresA, squaresB))), f64(0)));
      fn.store(i32(layout.achieved + (a * k + b) * 8), rho);
      fn.store(i32(layout.achieved + (b * k + a) * 8), rho);
    }
  }
  fn.return(i32(0));
  return fn;
}
