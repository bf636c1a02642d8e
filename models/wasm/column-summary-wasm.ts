import type { ColumnScan } from '../stats/scan-column.ts';
import {
  abs,
  add,
  and,
  choose,
  div,
  element,
  eq,
  f64,
  ge,
  gt,
  i32,
  le,
  load,
  lt,
  max,
  min,
  mul,
  ne,
  select,
  shl,
  sub,
  toF64,
  truncToI32,
} from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { MemoryLayout } from './memory-layout.ts';
import { WasmModule } from './wasm-module.ts';

/** The most histogram bins the module takes; summaries with more are computed in JavaScript. */
export const MAX_WASM_BINS = 1024;
/** The most quantile buckets (`quantileBuckets` uses at most 4,096). */
const MAX_BUCKETS = 4096;

/** The two passes of a summary over a column copied into its memory: scanColumn's, and momentsAndBins'. */
export interface ColumnSummaryWasm {
  /** Values the module holds at most. */
  capacity: number;
  /** Copies `values` in and runs `scanColumn`'s pass on them (same bits). */
  scan(values: Float64Array): ColumnScan;
  /**
   * summarize-output.ts's momentsAndBins pass over the values last scanned, with the same
   * bits: the compensated spread sums, quantile bucket counts and indices, and the
   * histogram counts against `edges` (none when it is empty).
   */
  moments(
    mean: number,
    layout: { buckets: number; lo: number; scale: number },
    edges: number[],
  ): { ss: number; ssComp: number; dev: number; counts: Float64Array; atLowerEdge: Float64Array; bucketCounts: Uint32Array; bucketIndex: Uint16Array };
  /** The values last scanned: a view of the module's memory, valid until the next scan. */
  values(): Float64Array;
}

interface Regions {
  results: number;
  edges: number;
  counts: number;
  atLowerEdge: number;
  bucketCounts: number;
  values: number;
  bucketIndex: number;
  pages: number;
}

interface SummaryExports {
  memory: WebAssembly.Memory;
  scan: (n: number) => void;
  moments: (n: number, mean: number, buckets: number, bucketLo: number, bucketScale: number, bins: number) => void;
}

function regionsFor(capacity: number): Regions {
  const memory = new MemoryLayout();
  const results = memory.reserve(16 * 8);
  const edges = memory.reserve((MAX_WASM_BINS + 1) * 8);
  const counts = memory.reserve(MAX_WASM_BINS * 8);
  const atLowerEdge = memory.reserve(MAX_WASM_BINS * 8);
  const bucketCounts = memory.reserve((MAX_BUCKETS + 1) * 4);
  const values = memory.reserve(capacity * 8);
  const bucketIndex = memory.reserve(capacity * 2);
  return { results, edges, counts, atLowerEdge, bucketCounts, values, bucketIndex, pages: memory.pages };
}

/** Result slots (f64) of the scan, in this order, then of the moments pass. */
const SCAN_SLOTS = ['nan', 'negativeInfinite', 'positiveInfinite', 'finite', 'positive', 'min', 'max', 'sum', 'compensation'] as const;
const MOMENT_SLOT = 9;

function scanFunction(regions: Regions): FunctionBuilder {
  const fn = new FunctionBuilder(['i32'], null);
  const n = fn.param(0);
  const nonFinite = fn.local('f64');
  const [nan, negativeInfinite, positiveInfinite] = Array.from({ length: 3 }, () => fn.local('i32'));
  const [low, high, sum, compensation, t, v] = Array.from({ length: 6 }, () => fn.local('f64'));
  const i = fn.local('i32');
  // Counted as integers, adding comparisons' 0 or 1: a select on doubles compiles to a
  // branch, which mispredicted on the signs of a column such as the NPV (5.6 -> 1.6 ms a 1M scan).
  const finite = fn.local('i32');
  const positive = fn.local('i32');
  fn.set(low, f64(Infinity));
  fn.set(high, f64(-Infinity));
  fn.while(lt(i, n), () => {
    fn.set(v, element('f64', regions.values, i));
    fn.if(
      eq(sub(v, v), f64(0)),
      () => {
        fn.set(finite, add(finite, i32(1)));
        fn.set(positive, add(positive, gt(v, f64(0))));
        fn.set(low, min(low, v));
        fn.set(high, max(high, v));
        fn.set(t, add(sum, v));
        fn.set(compensation, add(compensation, choose(ge(abs(sum), abs(v)), add(sub(sum, t), v), add(sub(v, t), sum))));
        fn.set(sum, t);
      },
      () => fn.set(nonFinite, add(nonFinite, f64(1))),
    );
    fn.set(i, add(i, i32(1)));
  });
  // The values that are not finite, counted by kind without branches (in a payback column
  // they are scattered through it).
  fn.if(gt(nonFinite, f64(0)), () => {
    fn.for(i, i32(0), n, () => {
      fn.set(v, element('f64', regions.values, i));
      fn.set(nan, add(nan, ne(v, v)));
      fn.set(positiveInfinite, add(positiveInfinite, eq(v, f64(Infinity))));
      fn.set(negativeInfinite, add(negativeInfinite, eq(v, f64(-Infinity))));
    });
    fn.set(positive, add(positive, positiveInfinite));
  });
  [toF64(nan), toF64(negativeInfinite), toF64(positiveInfinite), toF64(finite), toF64(positive), low, high, sum, compensation].forEach((value, slot) =>
    fn.store(i32(regions.results + slot * 8), value),
  );
  return fn;
}

function momentsFunction(regions: Regions): FunctionBuilder {
  const fn = new FunctionBuilder(['i32', 'f64', 'i32', 'f64', 'f64', 'i32'], null);
  const [n, mean, buckets, bucketLo, bucketScale, bins] = [fn.param(0), fn.param(1), fn.param(2), fn.param(3), fn.param(4), fn.param(5)];
  const [v, d, sq, t, ss, ssComp, dev, lo, scale] = Array.from({ length: 9 }, () => fn.local('f64'));
  const [i, bucket, lastBucket, b, slot] = Array.from({ length: 5 }, () => fn.local('i32'));
  fn.set(i, i32(0));
  fn.while(le(i, buckets), () => {
    fn.store(add(i32(regions.bucketCounts), shl(i, i32(2))), i32(0));
    fn.set(i, add(i, i32(1)));
  });
  fn.for(i, i32(0), bins, () => {
    fn.store(add(i32(regions.counts), shl(i, i32(3))), f64(0));
    fn.store(add(i32(regions.atLowerEdge), shl(i, i32(3))), f64(0));
  });
  fn.set(lastBucket, sub(buckets, i32(1)));
  fn.if(gt(bins, i32(0)), () => {
    fn.set(lo, element('f64', regions.edges, i32(0)));
    fn.set(scale, div(toF64(bins), sub(element('f64', regions.edges, bins), lo)));
  });
  fn.for(i, i32(0), n, () => {
    fn.set(v, element('f64', regions.values, i));
    fn.if(
      ne(sub(v, v), f64(0)),
      // One past the last bucket: not finite.
      () => fn.store16(add(i32(regions.bucketIndex), shl(i, i32(1))), buckets),
      () => {
        fn.set(bucket, truncToI32(mul(sub(v, bucketLo), bucketScale)));
        fn.set(bucket, select(lt(bucket, lastBucket), bucket, lastBucket));
        fn.store16(add(i32(regions.bucketIndex), shl(i, i32(1))), bucket);
        fn.set(slot, add(i32(regions.bucketCounts), shl(bucket, i32(2))));
        fn.store(slot, add(load('i32', slot), i32(1)));
        fn.set(d, sub(v, mean));
        fn.set(dev, add(dev, d));
        fn.set(sq, mul(d, d));
        fn.set(t, add(ss, sq));
        fn.set(ssComp, add(ssComp, choose(ge(ss, sq), add(sub(ss, t), sq), add(sub(sq, t), ss))));
        fn.set(ss, t);
        fn.if(gt(bins, i32(0)), () => {
          fn.set(b, truncToI32(mul(sub(v, lo), scale)));
          fn.set(b, select(ge(b, i32(0)), b, i32(0)));
          fn.set(b, select(ge(b, bins), sub(bins, i32(1)), b));
          // Rounding in the scale can miss an edge by one bin: settle against the stored edges.
          fn.while(and(gt(b, i32(0)), lt(v, element('f64', regions.edges, b))), () => fn.set(b, sub(b, i32(1))));
          fn.while(and(lt(b, sub(bins, i32(1))), ge(v, element('f64', regions.edges, add(b, i32(1))))), () => fn.set(b, add(b, i32(1))));
          fn.set(slot, add(i32(regions.counts), shl(b, i32(3))));
          fn.store(slot, add(load('f64', slot), f64(1)));
          fn.if(eq(v, element('f64', regions.edges, b)), () => {
            fn.set(slot, add(i32(regions.atLowerEdge), shl(b, i32(3))));
            fn.store(slot, add(load('f64', slot), f64(1)));
          });
        });
      },
    );
  });
  [ss, ssComp, dev].forEach((local, index) => fn.store(i32(regions.results + (MOMENT_SLOT + index) * 8), local));
  return fn;
}

const cache = new Map<number, ColumnSummaryWasm>();
/** The largest module a thread keeps for the next summary: 2M values, about 21 MB. */
const MAX_KEPT_CAPACITY = 1 << 21;

/**
 * A per-thread module for summaries of columns of up to `length` values (kept for reuse
 * up to 2M values; a larger column gets a larger module, and one beyond 2M is not kept). Every operation is summarize-output.ts's
 * and scan-column.ts's, in the same order, so the summary has the same bits: in
 * JavaScript, how fast those loops ran depended on the kinds of columns a thread had
 * summarised before (measured: about twice as slow per column for one mix as another).
 *
 * @example
 * const passes = columnSummaryWasm(values.length);
 * const scan = passes.scan(values);
 */
export function columnSummaryWasm(length: number): ColumnSummaryWasm {
  const capacity = Math.max(1 << 16, 2 ** Math.ceil(Math.log2(Math.max(length, 1))));
  // A module's memory never shrinks: one for a 10M-trial column (170 MB) is not kept.
  if (capacity > MAX_KEPT_CAPACITY) return instantiate(capacity);
  let passes = cache.get(capacity);
  if (!passes) {
    cache.clear();
    passes = instantiate(capacity);
    cache.set(capacity, passes);
  }
  return passes;
}

function instantiate(capacity: number): ColumnSummaryWasm {
  const regions = regionsFor(capacity);
  const module = new WasmModule(regions.pages);
  module.define(scanFunction(regions).definition('scan'));
  module.define(momentsFunction(regions).definition('moments'));
  const exports = new WebAssembly.Instance(new WebAssembly.Module(module.encode())).exports as unknown as SummaryExports;
  const buffer = exports.memory.buffer;
  const results = new Float64Array(buffer, regions.results, 16);
  const values = new Float64Array(buffer, regions.values, capacity);
  let length = 0;
  return {
    capacity,
    scan(column) {
      if (column.length > capacity) throw new RangeError(`a column of ${column.length} values does not fit a module for ${capacity}`);
      length = column.length;
      values.set(column);
      exports.scan(length);
      const [nan, negativeInfinite, positiveInfinite, finite, positive, low, high, sum, compensation] = SCAN_SLOTS.map((_, slot) => results[slot]);
      return { nan, negativeInfinite, positiveInfinite, finite, positive, min: low, max: high, sum, compensation };
    },
    moments(mean, layout, edges) {
      const bins = Math.max(edges.length - 1, 0);
      if (bins > MAX_WASM_BINS || layout.buckets > MAX_BUCKETS) throw new RangeError('too many bins or buckets for the summary module');
      new Float64Array(buffer, regions.edges, edges.length).set(edges);
      exports.moments(length, mean, layout.buckets, layout.lo, layout.scale, bins);
      return {
        ss: results[MOMENT_SLOT],
        ssComp: results[MOMENT_SLOT + 1],
        dev: results[MOMENT_SLOT + 2],
        counts: new Float64Array(buffer, regions.counts, bins).slice(),
        atLowerEdge: new Float64Array(buffer, regions.atLowerEdge, bins).slice(),
        bucketCounts: new Uint32Array(buffer, regions.bucketCounts, layout.buckets),
        bucketIndex: new Uint16Array(buffer, regions.bucketIndex, length),
      };
    },
    values: () => values.subarray(0, length),
  };
}
