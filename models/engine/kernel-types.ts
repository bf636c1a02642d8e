import type { RngState } from '../rng/sfc32.ts';
import type { CorrelationFactor } from '../sampling/correlation-matrix.ts';
import type { StratumQuantileTable } from '../sampling/stratum-quantile-table.ts';

// The shapes a runnable kernel has, whichever backend made it: read by runnable-model.ts
// (which picks the backend) and by wasm/wasm-kernel.ts (which builds one), so neither imports the other's types.

/**
 * A compiled kernel: runs n ≤ CHUNK_SIZE trials of input columns into output columns at
 * `offset`, adds the per-chunk sums into `acc`, writes the fan rows of trials below
 * `fanRows` and, when `lineOffset` is not negative (it is then `offset`), the line totals.
 */
export type Kernel = (
  cols: Float64Array[],
  n: number,
  out: Float64Array[],
  offset: number,
  acc: Float64Array,
  flows: Float64Array,
  fan: Float64Array,
  fanFirstRow: number,
  fanRows: number,
  lineOffset: number,
) => void;

/**
 * Draws a full Latin Hypercube chunk in the WebAssembly kernel's memory, with the bits
 * run-chunk.ts's JavaScript steps give (fillUniforms, the table cubics, shuffleInto).
 */
export interface StratumSampler {
  /** The chunk's uniforms and sorted draws (shared, and one per correlated input): views of the kernel's memory. */
  uniforms: Float64Array;
  sortedShared: Float64Array;
  sortedByCorrelatedSlot: Float64Array[];
  /** Uniforms from `state` into `uniforms`, then input `input`'s table cubics in stratum order into `sorted` (one of the views). */
  fillStrata(state: RngState, input: number, table: StratumQuantileTable, sorted: Float64Array): void;
  /** Shuffles `sorted` into `column` (an input column of the kernel), continuing the stream fillStrata advanced. */
  shuffle(sorted: Float64Array, column: Float64Array): void;
  /**
   * Monte Carlo: n uniforms from `state` into `uniforms`, and input `input`'s draws from its
   * table into `column` (an input column of the kernel), as fillMonteCarloQuantiles' first
   * loop makes them; returns how many fell in split strata, their indices in `splitDraws`.
   */
  fillMonteCarlo(state: RngState, input: number, table: StratumQuantileTable, column: Float64Array, n: number, splitDraws: Int32Array): number;
  /**
   * Iman–Conover on the correlated input columns (kernel columns, correlation order)
   * from their sorted draws in `sortedByCorrelatedSlot`, as `imanConover` does it, bit for
   * bit: the achieved Spearman matrix, or null (nothing changed) where only `imanConover`
   * can do it. Absent when the module has no port for this many correlated inputs.
   */
  imanConover?: (columns: Float64Array[], n: number, target: CorrelationFactor, stream: RngState) => Float64Array | null;
}
