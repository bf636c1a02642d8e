import { POWERS_OF_TWO } from '../math/deterministic-math.ts';
import { defineExpAndLog, POWERS_OF_TWO_BYTES } from './deterministic-math-wasm.ts';
import { call, f64, i32, isFiniteF64, mul, not, select, sub } from './wasm-expr.ts';
import { FunctionBuilder } from './wasm-function.ts';
import { WasmModule } from './wasm-module.ts';
import { ValueType } from './wasm-opcodes.ts';
import { isOnlyRootFunction } from './is-only-root-wasm.ts';
import { emitHalleySearch } from './trial-irr-halley-wasm.ts';
import { emitBracket, emitFlowScan, emitStartingGuess } from './trial-irr-steps-wasm.ts';

/** Longest flow series the solver takes (the case format's longest horizon). */
export const MAX_IRR_MONTHS = 240;
const FLOWS = POWERS_OF_TWO_BYTES;

/** The per-trial IRR solver running as WebAssembly, reading its flows from its own memory. */
export interface WasmTrialIrr {
  /** Write a trial's monthly net flows here (month 1 at index 0), then call `solve`. */
  flows: Float64Array;
  /** The same result, bit for bit, as createTrialIrr().solve on the same flows and state. */
  solve: (months: number, hintRate: number, hintValue: number, hintTotal: number) => number;
  /** Forgets the warm start, as createTrialIrr().reset. */
  reset: () => void;
}

interface IrrExports {
  memory: WebAssembly.Memory;
  solve: (months: number, hintRate: number, hintValue: number, hintTotal: number) => number;
  reset: () => void;
}

let compiled: WebAssembly.Module | null = null;

/**
 * A WebAssembly instance of the per-trial IRR on its own (the kernel module holds its
 * own copy of the same function), with its own warm start: for tests and tools.
 *
 * @example
 * const irr = createWasmTrialIrr();
 * irr.flows.set([-1000, 100, 1200]);
 * irr.solve(3, NaN, NaN, NaN) // ≈ 4.16, as createTrialIrr().solve
 */
export function createWasmTrialIrr(): WasmTrialIrr {
  compiled ??= new WebAssembly.Module(standaloneModule());
  const exports = new WebAssembly.Instance(compiled).exports as unknown as IrrExports;
  new Float64Array(exports.memory.buffer, 0, POWERS_OF_TWO.length).set(POWERS_OF_TWO);
  return { flows: new Float64Array(exports.memory.buffer, FLOWS, MAX_IRR_MONTHS), solve: exports.solve, reset: exports.reset };
}

function standaloneModule(): Uint8Array<ArrayBuffer> {
  const module = new WasmModule(1);
  const math = defineExpAndLog(module, 0);
  const { solve, previousRoot } = defineTrialIrr(module, math);
  const entry = new FunctionBuilder(['i32', 'f64', 'f64', 'f64'], 'f64');
  entry.return(call(solve, [i32(FLOWS), entry.param(0), entry.param(1), entry.param(2), entry.param(3)], 'f64'));
  module.define(entry.definition('solve'));
  const reset = new FunctionBuilder([], null);
  reset.setGlobal(previousRoot, f64(0));
  module.define(reset.definition('reset'));
  return module.encode();
}

/**
 * Adds trial-irr.ts's solver to a module, ported operation for operation (same bits):
 * solve(flowsBase, months, hintRate, hintValue, hintTotal) reads months f64 flows at
 * byte address flowsBase, and may read (and ignore) the two f64 after them. Its warm start
 * is the returned global, which the caller resets to 0 where createTrialIrr().reset would.
 *
 * @example
 * const { solve, previousRoot } = defineTrialIrr(module, defineExpAndLog(module, 0));
 */
export function defineTrialIrr(module: WasmModule, math: { exp: number; log: number }): { solve: number; previousRoot: number } {
  const { exp, log } = math;
  const previousRoot = module.global(ValueType.f64, 0);
  const isOnlyRoot = module.define(isOnlyRootFunction(exp).definition());
  const fn = new FunctionBuilder(['i32', 'i32', 'f64', 'f64', 'f64'], 'f64');
  const scan = emitFlowScan(fn);
  const bracket = emitBracket(fn, scan);
  const t = emitStartingGuess(fn, scan, bracket, log, previousRoot);
  emitHalleySearch(fn, scan, bracket, t, exp);
  const { flowsBase, first, last } = scan;
  fn.if(bracket.mustCertify, () => fn.if(not(call(isOnlyRoot, [flowsBase, first, last, t], 'i32')), () => fn.return(f64(NaN))));
  fn.setGlobal(previousRoot, select(isFiniteF64(t), t, f64(0)));
  fn.return(sub(call(exp, [mul(f64(12), t)], 'f64'), f64(1)));
  return { solve: module.define(fn.definition()), previousRoot };
}
