import { add, div, element, gt, i32, load, mul, mulHigh, shl, sub, toF64, type WasmExpr, type WasmLocal } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import type { WasmModule } from './wasm-module.ts';
import { loadState, sfc32Step, storeState } from './stratum-sampler-wasm.ts';
import { applyFunction } from './iman-conover-apply-wasm.ts';
import type { ImanConoverLayout } from './iman-conover-layout.ts';

export type { ImanConoverLayout } from './iman-conover-layout.ts';

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
