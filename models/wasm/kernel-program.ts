import { POWERS_OF_TWO_BYTES } from './deterministic-math-wasm.ts';
import { KernelCompileError } from './kernel-compile-error.ts';
import type { KernelBinding, KernelShape, KernelVariable, WasmKernelLayout } from './kernel-bindings.ts';
import { isTrialLoop, NameResolver } from './name-resolver.ts';
import { parseKernelSource, type KernelExpr, type KernelStatement } from './kernel-syntax.ts';
import type { MemoryLayout } from './memory-layout.ts';

export {
  HELPER_ARITY,
  SCALAR_PARAMS,
  type ArrayRole,
  type KernelBinding,
  type KernelHelperName,
  type KernelShape,
  type KernelVariable,
  type WasmKernelLayout,
} from './kernel-bindings.ts';

/** A kernel source with every name resolved and every array given its place in memory. */
export interface KernelProgram {
  /** Top-level statements (setup), the kernel's statements before its trial loop, the loop's body, and after it. */
  setup: KernelStatement[];
  beforeTrials: KernelStatement[];
  trialBody: KernelStatement;
  afterTrials: KernelStatement[];
  bindingOf: Map<object, KernelBinding>;
  /** What each assignment or increment statement stores. */
  storedBy: Map<KernelStatement, KernelExpr>;
  variables: KernelVariable[];
  /** Number arrays to fill at setup (constant tables of the source). */
  arrayInits: { base: number; values: number[] }[];
  layout: WasmKernelLayout;
}

/**
 * Parses a kernel source and resolves it: every name to its declaration, every
 * array to a region of linear memory.
 *
 * @example
 * const program = resolveKernel(model.kernelSource, shape, new MemoryLayout());
 */
export function resolveKernel(source: string, shape: KernelShape, memory: MemoryLayout): KernelProgram {
  const statements = parseKernelSource(source);
  const layout = kernelLayout(shape, memory);
  const resolver = new NameResolver(shape, layout, memory);
  const moduleScope = new Map<string, KernelBinding>();
  for (const node of statements) resolver.statement(node, moduleScope, [moduleScope], true);
  if (!resolver.kernel) throw new KernelCompileError('no kernel function returned');
  const body = resolver.kernel.body;
  const loops = body.filter(isTrialLoop);
  if (loops.length !== 1) throw new KernelCompileError('the kernel must have exactly one trial loop');
  const at = body.indexOf(loops[0]);
  return {
    setup: statements.filter((node) => node.kind !== 'return'),
    beforeTrials: body.slice(0, at),
    trialBody: loops[0].body,
    afterTrials: body.slice(at + 1),
    bindingOf: resolver.bindingOf,
    storedBy: resolver.storedBy,
    variables: resolver.variables,
    arrayInits: resolver.arrayInits,
    layout,
  };
}

/** The kernel's fixed arrays, reserved first and in this order (the module's addresses depend on it). */
function kernelLayout(shape: KernelShape, memory: MemoryLayout): WasmKernelLayout {
  const columnBytes = shape.chunkSize * 8;
  const H = shape.horizonMonths;
  return {
    powersOfTwo: memory.reserve(POWERS_OF_TWO_BYTES),
    discountFactors: memory.reserve((H + 1) * 8),
    // Two months past the horizon: the IRR's last vector step reads them (and ignores them).
    flows: memory.reserve((H + 2) * 8),
    accumulators: memory.reserve(shape.accumulators * 8),
    inputs: memory.reserve(shape.inputs * columnBytes),
    outputs: memory.reserve(shape.outputs * columnBytes),
    fan: memory.reserve(shape.chunkSize * H * 8),
  };
}
