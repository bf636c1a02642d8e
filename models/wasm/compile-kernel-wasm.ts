import { defineExpAndLog, definePow } from './deterministic-math-wasm.ts';
import { DETERMINISTIC_FUNCTIONS, type DeterministicName } from '../math/deterministic-functions.ts';
import { defineScalarFunction } from './scalar-ops-wasm.ts';
import { KernelEmitter, type KernelCodegenContext } from './kernel-codegen.ts';
import { resolveKernel, SCALAR_PARAMS, type KernelShape, type WasmKernelLayout } from './kernel-program.ts';
import { inferKernelTypes } from './kernel-types.ts';
import { MemoryLayout } from './memory-layout.ts';
import { defineImanConover, MAX_WASM_CORRELATED, type ImanConoverLayout } from './iman-conover-wasm.ts';
import { defineStratumSampler } from './stratum-sampler-wasm.ts';
import { defineTrialIrr } from './trial-irr-wasm.ts';
import { f64, i32 } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { WasmModule } from './wasm-module.ts';
import { ValueType } from './wasm-opcodes.ts';

/** Where the Latin Hypercube sampler of a module keeps its stream, uniforms, sorted draws and tables. */
export interface SamplerRegions {
  state: number;
  uniforms: number;
  /** i32 indices of the Monte Carlo draws `fillMonteCarlo` leaves to JavaScript. */
  splitDraws: number;
  sortedShared: number;
  /** One chunk of sorted draws per correlated input, in correlation order. */
  sortedCorrelated: number;
  /** Input k's per-stratum table (stratum-quantile-table.ts coefficients) at tables + k · tableBytes. */
  tables: number;
  tableBytes: number;
  /** Iman–Conover's arrays, when the module has the port (2 to 8 correlated inputs). */
  imanConover: ImanConoverLayout | null;
}

/** A kernel compiled to WebAssembly, with the memory layout its caller fills and reads. */
export interface CompiledWasmKernel {
  bytes: Uint8Array<ArrayBuffer>;
  layout: WasmKernelLayout;
  sampler: SamplerRegions;
}

/** Doubles in a per-stratum table: five per stratum and one stratum more (its lower clamp is the last stratum's upper). */
const TABLE_DOUBLES_PER_STRATUM = 5;

/**
 * Compiles a generated kernel source (the JavaScript subset of kernel-syntax.ts) to a
 * WebAssembly module with the same arithmetic, operation for operation, so every result
 * has the same bits as the JavaScript kernel. The IRR, exp, log and pow it calls are
 * WebAssembly ports in the same module, and so is the Latin Hypercube draw of a full
 * chunk, which samples straight into the kernel's input columns. It exports `memory`,
 * `init` (module-level setup, run once), `kernel(n, offset, fanFirstRow, fanRows,
 * lineOffset)`, `resetIrr`, `fillStrata`, `shuffle` and `fillMonteCarlo`, and with 2 to 8 correlated
 * inputs Iman–Conover's `icScores` and `icApply` (iman-conover-wasm.ts).
 *
 * @example
 * const { bytes, layout } = compileKernelToWasm(model.kernelSource, { inputs: 37, outputs: 28, accumulators: 70, horizonMonths: 48, chunkSize: 4096, computeIrr: true, correlatedInputs: 3 });
 */
export function compileKernelToWasm(source: string, shape: KernelShape): CompiledWasmKernel {
  const memory = new MemoryLayout();
  const program = resolveKernel(source, shape, memory);
  const types = inferKernelTypes(program);
  const chunkBytes = shape.chunkSize * 8;
  const tableBytes = (shape.chunkSize + 1) * TABLE_DOUBLES_PER_STRATUM * 8;
  const sampler: SamplerRegions = {
    state: memory.reserve(16),
    uniforms: memory.reserve(chunkBytes),
    splitDraws: memory.reserve(shape.chunkSize * 4),
    sortedShared: memory.reserve(chunkBytes),
    sortedCorrelated: memory.reserve(shape.correlatedInputs * chunkBytes),
    tables: memory.reserve(shape.inputs * tableBytes),
    tableBytes,
    imanConover: null,
  };
  const correlated = shape.correlatedInputs;
  if (correlated >= 2 && correlated <= MAX_WASM_CORRELATED) {
    const N = shape.chunkSize;
    sampler.imanConover = {
      state: sampler.state,
      chunkSize: N,
      base: memory.reserve(N * 8),
      scores: memory.reserve(N * correlated * 8),
      keys: memory.reserve(N * correlated * 8),
      bucketOf: memory.reserve(N * correlated * 4),
      starts: memory.reserve((N + 1) * correlated * 4),
      order: memory.reserve(N * 4),
      ranks: memory.reserve(N * correlated * 4),
      finalRanks: memory.reserve(N * correlated * 8),
      runRank: memory.reserve(N * 8),
      covariance: memory.reserve(correlated * correlated * 8),
      transform: memory.reserve(correlated * correlated * 8),
      achieved: memory.reserve(correlated * correlated * 8),
      columns: memory.reserve(correlated * 4),
      sorted: sampler.sortedCorrelated,
    };
  }
  const module = new WasmModule(memory.pages);
  const expAndLog = defineExpAndLog(module, program.layout.powersOfTwo);
  const pow = definePow(module, expAndLog);
  const irr = defineTrialIrr(module, expAndLog);
  const globals = new Map(
    program.variables
      .filter((variable) => variable.global)
      .map((variable) => [variable, module.global(types.variableType(variable) === 'f64' ? ValueType.f64 : ValueType.i32, 0)]),
  );
  const scalars = new Map<DeterministicName, number>();
  const scalar = (name: DeterministicName): number => {
    let index = scalars.get(name);
    if (index === undefined) {
      index = defineScalarFunction(module, DETERMINISTIC_FUNCTIONS[name].body, DETERMINISTIC_FUNCTIONS[name].arity, expAndLog, program.layout.powersOfTwo);
      scalars.set(name, index);
    }
    return index;
  };
  const context: KernelCodegenContext = {
    program,
    types,
    math: { ...expAndLog, pow, scalar },
    irrSolve: irr.solve,
    computeIrr: shape.computeIrr,
    globals,
  };

  const init = new FunctionBuilder([], null);
  for (const { base, values } of program.arrayInits) values.forEach((value, index) => init.store(i32(0), f64(value), base + index * 8));
  new KernelEmitter(init, context).statements(program.setup);
  module.define(init.definition('init'));

  const kernel = new FunctionBuilder(
    SCALAR_PARAMS.map(() => 'i32'),
    null,
  );
  const emitter = new KernelEmitter(kernel, context);
  emitter.statements(program.beforeTrials);
  emitter.trials();
  emitter.statements(program.afterTrials);
  module.define(kernel.definition('kernel'));

  const resetIrr = new FunctionBuilder([], null);
  resetIrr.setGlobal(irr.previousRoot, f64(0));
  module.define(resetIrr.definition('resetIrr'));
  defineStratumSampler(module, sampler);
  if (sampler.imanConover) defineImanConover(module, sampler.imanConover, correlated);
  return { bytes: module.encode(), layout: program.layout, sampler };
}
