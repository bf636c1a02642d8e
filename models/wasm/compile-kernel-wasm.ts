import { defineExpAndLog, definePow } from './deterministic-math-wasm.ts';
import { KernelEmitter, type KernelCodegenContext } from './kernel-codegen.ts';
import { resolveKernel, SCALAR_PARAMS, type KernelShape, type WasmKernelLayout } from './kernel-program.ts';
import { inferKernelTypes } from './kernel-types.ts';
import { defineTrialIrr } from './trial-irr-wasm.ts';
import { f64, i32 } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { WasmModule } from './wasm-module.ts';
import { ValueType } from './wasm-opcodes.ts';

/** A kernel compiled to WebAssembly, with the memory layout its caller fills and reads. */
export interface CompiledWasmKernel {
  bytes: Uint8Array<ArrayBuffer>;
  layout: WasmKernelLayout;
}

/**
 * Compiles a generated kernel source (the JavaScript subset of kernel-syntax.ts) to a
 * WebAssembly module with the same arithmetic, operation for operation, so every result
 * has the same bits as the JavaScript kernel. The IRR, exp, log and pow it calls are
 * WebAssembly ports in the same module. It exports `memory`, `init` (module-level setup,
 * run once), `kernel(n, offset, fanFirstRow, fanRows, lineOffset)` and `resetIrr`.
 *
 * @example
 * const { bytes, layout } = compileKernelToWasm(model.kernelSource, { inputs: 37, outputs: 28, accumulators: 70, horizonMonths: 48, chunkSize: 4096, computeIrr: true });
 */
export function compileKernelToWasm(source: string, shape: KernelShape): CompiledWasmKernel {
  const program = resolveKernel(source, shape);
  const types = inferKernelTypes(program);
  const module = new WasmModule(program.layout.pages);
  const expAndLog = defineExpAndLog(module, program.layout.powersOfTwo);
  const pow = definePow(module, expAndLog);
  const irr = defineTrialIrr(module, expAndLog);
  const globals = new Map(
    program.variables
      .filter((variable) => variable.global)
      .map((variable) => [variable, module.global(types.variableType(variable) === 'f64' ? ValueType.f64 : ValueType.i32, 0)]),
  );
  const context: KernelCodegenContext = {
    program,
    types,
    math: { ...expAndLog, pow },
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
  return { bytes: module.encode(), layout: program.layout };
}
