/**
 * Kernel source the WebAssembly translation does not cover. The kernel then runs as
 * the JavaScript it is (same bits, slower); tests keep every form compile-case.ts
 * generates covered.
 *
 * @example
 * throw new KernelCompileError('unsupported call foo()');
 */
export class KernelCompileError extends Error {
  constructor(problem: string) {
    super(`kernel → WebAssembly: ${problem}`);
    this.name = 'KernelCompileError';
  }
}
