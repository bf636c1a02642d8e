import { SCALAR_HELPERS, type ScalarHelperName } from '../engine/kernel-helpers.ts';
import type { KernelExpr } from './kernel-syntax.ts';

/** What the kernel's arrays hold, so the compiler can lay them out in linear memory. */
export interface KernelShape {
  inputs: number;
  outputs: number;
  accumulators: number;
  horizonMonths: number;
  /** Most trials per kernel call (the chunk size). */
  chunkSize: number;
  /** False compiles irr() to NaN (analyses that do not target the IRR skip its root finding). */
  computeIrr: boolean;
  /** Inputs under a correlation matrix (each keeps its sorted draws for Iman–Conover). */
  correlatedInputs: number;
}

/** Byte offsets of the kernel's arrays in the module's memory. */
export interface WasmKernelLayout {
  /** 2^k for k in [−1024, 1023], which exp and log read; the caller fills it with POWERS_OF_TWO. */
  powersOfTwo: number;
  discountFactors: number;
  /** The trial's monthly net flows (month 1 first), which the IRR reads. */
  flows: number;
  accumulators: number;
  /** Input column k starts at inputs + k · chunkSize · 8. */
  inputs: number;
  /** Output column k starts at outputs + k · chunkSize · 8. */
  outputs: number;
  /** Fan rows of one call: row t starts at fan + t · horizonMonths · 8. */
  fan: number;
}

/** The helpers a kernel may call (kernel-helpers.ts), by their argument counts. */
export const HELPER_ARITY = {
  ...(Object.fromEntries(Object.entries(SCALAR_HELPERS).map(([name, helper]) => [name, helper.arity])) as Record<ScalarHelperName, number>),
  irr: 5,
} as const;
/** A helper a kernel may call. */
export type KernelHelperName = keyof typeof HELPER_ARITY;

/** The kernel's parameters, in the order compile-case.ts declares them. */
export const KERNEL_PARAMS = ['cols', 'n', 'out', 'offset', 'acc', 'flows', 'fan', 'fanFirstRow', 'fanRows', 'lineOffset'] as const;
/** The scalar parameters the WebAssembly kernel takes (all i32); the arrays live at fixed addresses. */
export const SCALAR_PARAMS = ['n', 'offset', 'fanFirstRow', 'fanRows', 'lineOffset'] as const;

/** A scalar variable of the source (one per declaration). */
export interface KernelVariable {
  name: string;
  /** Declared at the top level (module setup): a global. */
  global: boolean;
  /** Every expression stored in it (a compound assignment counts as its binary expression). */
  assigned: KernelExpr[];
}

/** What kind of memory an array name stands for. */
export type ArrayRole = 'input' | 'output' | 'accumulators' | 'flows' | 'fan' | 'discountFactors' | 'table';

/** What a name of the source stands for. */
export type KernelBinding =
  | { kind: 'scalar'; variable: KernelVariable }
  | { kind: 'param'; index: number }
  | { kind: 'trialIndex' }
  | { kind: 'array'; base: number; role: ArrayRole; length: number }
  | { kind: 'columns'; of: 'inputs' | 'outputs' }
  | { kind: 'helper'; name: KernelHelperName }
  | { kind: 'constant'; value: number };
