import { createDistribution } from '../distributions/create-distribution.ts';
import type { Distribution } from '../distributions/distribution.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { factorCorrelation, type CorrelationFactor } from '../sampling/correlation-matrix.ts';
import { kernelHelpers } from './kernel-helpers.ts';
import { sinPi } from '../math/deterministic-math.ts';
import { instantiateWasmKernel } from '../wasm/wasm-kernel.ts';
import { KernelCompileError } from '../wasm/kernel-compile-error.ts';
import type { Kernel, StratumSampler } from './kernel-types.ts';

export type { Kernel, StratumSampler } from './kernel-types.ts';

/**
 * Iman–Conover correlates normal scores, whose Spearman correlation is (6/π)·asin(r/2)
 * for a Pearson r; aiming at r = 2·sin(π·ρ/6) makes the achieved rank correlation
 * match the target ρ. If that converted matrix is not positive semi-definite (rare,
 * near-singular targets), the target itself is used.
 */
function scoreCorrelationFactor(matrix: number[][]): CorrelationFactor {
  const converted = matrix.map((row, i) => row.map((rho, j) => (i === j ? 1 : 2 * sinPi(rho / 6))));
  try {
    return factorCorrelation(converted);
  } catch {
    return factorCorrelation(matrix);
  }
}

/** A compiled model made executable in this thread: kernel, distributions and scratch. */
export interface RunnableModel {
  model: CompiledModel;
  kernel: Kernel;
  resetIrr: () => void;
  distributions: Distribution[];
  correlation: CorrelationFactor | null;
  /** Which code runs the kernel: the WebAssembly translation of its source, or the source itself. */
  backend: KernelBackend;
  /** Input columns the kernel reads without copying (its WebAssembly memory), if it has them. */
  inputColumns?: Float64Array[];
  /** Latin Hypercube draws of full chunks straight into `inputColumns`, if the kernel has them. */
  sampler?: StratumSampler;
}

/** 'wasm' runs the kernel source compiled to WebAssembly; 'js' runs the source as JavaScript. Both give the same bits. */
export type KernelBackend = 'wasm' | 'js';

/** Options for `instantiate`. */
export interface InstantiateOptions {
  /** False skips the per-trial IRR (NaN), for analyses that do not target it. */
  computeIrr?: boolean;
  /** 'js' forces the JavaScript kernel; by default WebAssembly is used wherever it compiles. */
  backend?: KernelBackend;
}

/**
 * Instantiates a compiled model in the current thread (main, worker or browser).
 * The kernel source was generated only from the whitelisted syntax tree: names are
 * mapped to numbered locals and numbers to literals, so no case text reaches it. It
 * runs as WebAssembly (models/wasm: the same operations on the same doubles, so the
 * same bits, about a quarter faster), or as JavaScript where WebAssembly is missing.
 *
 * @example
 * const runnable = instantiate(compileCase(bc));
 */
export function instantiate(model: CompiledModel, options: InstantiateOptions = {}): RunnableModel {
  const common = {
    model,
    distributions: model.inputs.map((input) => createDistribution(input.spec)),
    correlation: model.correlation ? scoreCorrelationFactor(model.correlation.matrix) : null,
  };
  if (options.backend !== 'js' && typeof WebAssembly === 'object') {
    try {
      const wasm = instantiateWasmKernel(model, { computeIrr: options.computeIrr });
      return { ...common, kernel: wasm.kernel, resetIrr: wasm.resetIrr, inputColumns: wasm.inputColumns, sampler: wasm.sampler, backend: 'wasm' };
    } catch (error) {
      // A construct the translation does not cover runs as JavaScript, with the same bits (tests keep every generated form covered);
      // so does every kernel on an engine without WebAssembly SIMD (the IRR's vector sums), such as Safari before 16.4.
      if (!(error instanceof KernelCompileError) && !(error instanceof WebAssembly.CompileError)) throw error;
    }
  }
  const helpers = kernelHelpers(model.discountRateAnnual, model.horizonMonths);
  // Analyses that do not target IRR skip its root finding, the costliest per-trial step.
  if (options.computeIrr === false) helpers.irr = () => NaN;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from the whitelisted AST only
  const kernel = new Function('helpers', model.kernelSource)(helpers) as Kernel;
  return { ...common, kernel, resetIrr: helpers.resetIrr, backend: 'js' };
}

/** Instances kept per thread, most recently used last. */
const RUNNABLE_CACHE_SIZE = 4;
const runnableCache = new Map<string, RunnableModel>();

/**
 * The thread's instance of a model, reused across runs: a kernel compiled once
 * keeps its optimised machine code, so repeated runs of a case (another seed, more
 * trials, each chunk a worker is sent) skip the JIT's warm-up. Instances hold no
 * per-run state (IRR warm starts are reset per chunk), so reuse cannot change results.
 *
 * @example
 * const runnable = cachedRunnable(model); // the same object for the same model next time
 */
export function cachedRunnable(model: CompiledModel): RunnableModel {
  const key = `${model.engineVersion}\n${model.discountRateAnnual}\n${model.horizonMonths}\n${JSON.stringify(model.inputs)}\n${JSON.stringify(model.correlation ?? null)}\n${model.kernelSource}`;
  let runnable = runnableCache.get(key);
  if (runnable) runnableCache.delete(key);
  else runnable = instantiate(model);
  runnableCache.set(key, runnable);
  if (runnableCache.size > RUNNABLE_CACHE_SIZE) runnableCache.delete(runnableCache.keys().next().value!);
  return runnable;
}
