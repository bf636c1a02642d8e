import type { CompiledModel } from '../formula/compile-case.ts';
import { monthlyDiscountFactors } from '../engine/kernel-helpers.ts';
import type { Kernel, StratumSampler } from '../engine/kernel-types.ts';
import type { RngState } from '../rng/sfc32.ts';
import type { StratumQuantileTable } from '../sampling/stratum-quantile-table.ts';
import type { CorrelationFactor } from '../sampling/correlation-matrix.ts';
import { standardScores, transformFromCovariance } from '../sampling/iman-conover.ts';
import { POWERS_OF_TWO } from '../math/deterministic-math.ts';
import { isLineTotal } from '../engine/simulation-buffers.ts';
import { CHUNK_SIZE } from '../engine/simulation-env.ts';
import { compileKernelToWasm, type SamplerRegions } from './compile-kernel-wasm.ts';
import type { KernelShape, WasmKernelLayout } from './kernel-program.ts';

/** A kernel running as WebAssembly, and the input columns it reads without a copy. */
export interface WasmKernelInstance {
  kernel: Kernel;
  /** Views of the module's input columns: sample straight into these and the kernel copies nothing in. */
  inputColumns: Float64Array[];
  /** Forgets the IRR warm start (per chunk, as the JavaScript helpers' resetIrr). */
  resetIrr: () => void;
  sampler: StratumSampler;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  init: () => void;
  resetIrr: () => void;
  kernel: (n: number, offset: number, fanFirstRow: number, fanRows: number, lineOffset: number) => void;
  fillStrata: (table: number, sorted: number, n: number) => void;
  shuffle: (sorted: number, out: number, n: number) => void;
  fillMonteCarlo: (table: number, out: number, n: number) => number;
  icScores?: (n: number) => void;
  icApply?: (n: number) => number;
}

/** Compiled modules by kernel source, most recently used last (compiling is the slow part). */
const MODULE_CACHE_SIZE = 8;
const moduleCache = new Map<string, CachedModule>();

interface CachedModule {
  module: WebAssembly.Module;
  layout: WasmKernelLayout;
  sampler: SamplerRegions;
}

/** Instances by module and discount rate, most recently used last: a case edited in the browser keeps its kernel's memory and the tables in it. */
const INSTANCE_CACHE_SIZE = 4;
const instanceCache = new Map<string, WasmKernelInstance>();

function moduleKey(model: CompiledModel, computeIrr: boolean): { key: string; shape: KernelShape } {
  const shape: KernelShape = {
    inputs: model.inputs.length,
    outputs: model.outputs.length,
    accumulators: model.accumulators.size,
    horizonMonths: model.horizonMonths,
    chunkSize: CHUNK_SIZE,
    computeIrr,
    correlatedInputs: model.correlation?.inputIndices.length ?? 0,
  };
  return { key: `${JSON.stringify(shape)}\n${model.kernelSource}`, shape };
}

function compiledModule(key: string, shape: KernelShape, source: string): CachedModule {
  let entry = moduleCache.get(key);
  if (entry) moduleCache.delete(key);
  else {
    const { bytes, layout, sampler } = compileKernelToWasm(source, shape);
    entry = { module: new WebAssembly.Module(bytes), layout, sampler };
  }
  moduleCache.set(key, entry);
  if (moduleCache.size > MODULE_CACHE_SIZE) moduleCache.delete(moduleCache.keys().next().value!);
  return entry;
}

/**
 * A model's kernel as WebAssembly, behind the same `Kernel` signature as the JavaScript
 * one and with the same bits in every output. Arrays the caller passes are copied in
 * and out around the call, except input columns that already are the module's own
 * (`inputColumns`). Line totals are written at `lineOffset`, which must equal `offset`
 * when it is not negative (as every caller passes it). Models with the same kernel
 * source and discount rate (a case whose input ranges were edited) share one instance
 * in a thread: calls run one at a time, and nothing survives a call but the tables.
 *
 * @example
 * const { kernel, inputColumns, resetIrr } = instantiateWasmKernel(model);
 */
export function instantiateWasmKernel(model: CompiledModel, options: { computeIrr?: boolean } = {}): WasmKernelInstance {
  const { key, shape } = moduleKey(model, options.computeIrr !== false);
  const lineTotal = model.outputs.map((output) => isLineTotal(output.group));
  const instanceKey = `${key}\n${model.discountRateAnnual}\n${lineTotal.join()}`;
  let instance = instanceCache.get(instanceKey);
  if (instance) instanceCache.delete(instanceKey);
  else instance = newInstance(model, compiledModule(key, shape, model.kernelSource), lineTotal);
  instanceCache.set(instanceKey, instance);
  if (instanceCache.size > INSTANCE_CACHE_SIZE) instanceCache.delete(instanceCache.keys().next().value!);
  return instance;
}

function newInstance(model: CompiledModel, { module, layout, sampler }: CachedModule, lineTotal: boolean[]): WasmKernelInstance {
  const H = model.horizonMonths;
  const exports = new WebAssembly.Instance(module).exports as unknown as KernelExports;
  const buffer = exports.memory.buffer;
  const view = (byteOffset: number, length: number): Float64Array => new Float64Array(buffer, byteOffset, length);
  view(layout.powersOfTwo, POWERS_OF_TWO.length).set(POWERS_OF_TWO);
  view(layout.discountFactors, H + 1).set(monthlyDiscountFactors(model.discountRateAnnual, H));
  const accumulators = view(layout.accumulators, model.accumulators.size);
  const inputColumns = model.inputs.map((_, k) => view(layout.inputs + k * CHUNK_SIZE * 8, CHUNK_SIZE));
  const outputColumns = model.outputs.map((_, k) => view(layout.outputs + k * CHUNK_SIZE * 8, CHUNK_SIZE));
  const fan = view(layout.fan, CHUNK_SIZE * H);
  exports.init();

  const kernel: Kernel = (cols, n, out, offset, acc, _flows, fanOut, fanFirstRow, fanRows, lineOffset) => {
    if (n > CHUNK_SIZE) throw new RangeError(`a kernel call takes at most ${CHUNK_SIZE} trials, got ${n}`);
    if (lineOffset >= 0 && lineOffset !== offset) throw new RangeError('line totals must be written at the trial offset');
    for (let k = 0; k < inputColumns.length; k++) if (cols[k] !== inputColumns[k]) inputColumns[k].set(cols[k].subarray(0, n));
    accumulators.set(acc.subarray(0, accumulators.length));
    const localFanRows = Math.max(0, Math.min(n, fanRows - fanFirstRow));
    exports.kernel(n, 0, 0, localFanRows, lineOffset >= 0 ? 0 : -1);
    for (let k = 0; k < outputColumns.length; k++) {
      if (lineTotal[k] && lineOffset < 0) continue;
      out[k].set(outputColumns[k].subarray(0, n), offset);
    }
    acc.set(accumulators);
    if (localFanRows > 0) fanOut.set(fan.subarray(0, localFanRows * H), fanFirstRow * H);
  };
  return {
    kernel,
    inputColumns,
    resetIrr: exports.resetIrr,
    sampler: stratumSampler(exports, sampler, model.inputs.length, model.correlation?.inputIndices.length ?? 0),
  };
}

/** The module's Latin Hypercube draw behind the StratumSampler interface; tables are copied in on first use. */
function stratumSampler(exports: KernelExports, regions: SamplerRegions, inputs: number, correlated: number): StratumSampler {
  const buffer = exports.memory.buffer;
  const state = new Uint32Array(buffer, regions.state, 4);
  const tableLength = regions.tableBytes / 8;
  const loaded: (StratumQuantileTable | null)[] = new Array(inputs).fill(null);
  const splitList = new Int32Array(buffer, regions.splitDraws, CHUNK_SIZE);
  /** Input k's table in the module's memory, copied in when it changes. */
  const tableBase = (input: number, table: StratumQuantileTable): number => {
    if (table.strata !== CHUNK_SIZE || table.coefficients.length > tableLength) throw new RangeError('a table of one chunk’s strata is needed');
    const base = regions.tables + input * regions.tableBytes;
    if (loaded[input] !== table) {
      new Float64Array(buffer, base, tableLength).set(table.coefficients);
      loaded[input] = table;
    }
    return base;
  };
  return {
    uniforms: new Float64Array(buffer, regions.uniforms, CHUNK_SIZE),
    sortedShared: new Float64Array(buffer, regions.sortedShared, CHUNK_SIZE),
    sortedByCorrelatedSlot: Array.from(
      { length: correlated },
      (_, slot) => new Float64Array(buffer, regions.sortedCorrelated + slot * CHUNK_SIZE * 8, CHUNK_SIZE),
    ),
    fillStrata(stream: RngState, input: number, table: StratumQuantileTable, sorted: Float64Array): void {
      if (sorted.buffer !== buffer) throw new RangeError('sorted draws must be one of the sampler’s views');
      state.set(stream);
      exports.fillStrata(tableBase(input, table), sorted.byteOffset, CHUNK_SIZE);
    },
    fillMonteCarlo(stream: RngState, input: number, table: StratumQuantileTable, column: Float64Array, n: number, splitDraws: Int32Array): number {
      if (column.buffer !== buffer || n > CHUNK_SIZE) throw new RangeError('Monte Carlo draws go to one of the kernel’s input columns');
      state.set(stream);
      const count = exports.fillMonteCarlo(tableBase(input, table), column.byteOffset, n);
      splitDraws.set(splitList.subarray(0, count));
      return count;
    },
    shuffle(sorted: Float64Array, column: Float64Array): void {
      if (sorted.buffer !== buffer || column.buffer !== buffer) throw new RangeError('the shuffle reads and writes the kernel’s own memory');
      exports.shuffle(sorted.byteOffset, column.byteOffset, CHUNK_SIZE);
    },
    imanConover: regions.imanConover ? imanConoverPort(exports, regions.imanConover, correlated) : undefined,
  };
}

/** The module's Iman–Conover (iman-conover-wasm.ts) behind StratumSampler.imanConover. */
function imanConoverPort(exports: KernelExports, layout: NonNullable<SamplerRegions['imanConover']>, k: number): NonNullable<StratumSampler['imanConover']> {
  const buffer = exports.memory.buffer;
  const state = new Uint32Array(buffer, layout.state, 4);
  const base = new Float64Array(buffer, layout.base, layout.chunkSize);
  const covariance = new Float64Array(buffer, layout.covariance, k * k);
  const transform = new Float64Array(buffer, layout.transform, k * k);
  const achieved = new Float64Array(buffer, layout.achieved, k * k);
  const columnAddresses = new Int32Array(buffer, layout.columns, k);
  let baseFor = 0;
  return (columns: Float64Array[], n: number, target: CorrelationFactor, stream: RngState): Float64Array | null => {
    if (columns.length !== k || n < k + 2 || n > layout.chunkSize || columns.some((column) => column.buffer !== buffer)) return null;
    if (baseFor !== n) {
      base.set(standardScores(n));
      baseFor = n;
    }
    state.set(stream);
    exports.icScores!(n);
    const result = new Float64Array(k * k);
    for (let i = 0; i < k; i++) result[i * k + i] = 1;
    const factor = transformFromCovariance(covariance, k, target);
    if (!factor) return result;
    transform.set(factor);
    columns.forEach((column, c) => (columnAddresses[c] = column.byteOffset));
    if (exports.icApply!(n) !== 0) return null;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) result[a * k + b] = achieved[a * k + b];
    return result;
  };
}
