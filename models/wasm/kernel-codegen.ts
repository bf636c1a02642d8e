import { KERNEL_HELPERS, type KernelMath } from './kernel-helpers-wasm.ts';
import { KernelCompileError } from './kernel-compile-error.ts';
import { HELPER_ARITY, type KernelBinding, type KernelProgram, type KernelVariable } from './kernel-program.ts';
import type { KernelExpr, KernelStatement } from './kernel-syntax.ts';
import type { KernelTypes, ScalarType } from './kernel-types.ts';
import {
  abs,
  add,
  and,
  call,
  ceil,
  choose,
  div,
  eq,
  f64,
  floor,
  ge,
  globalGet,
  gt,
  i32,
  le,
  load,
  lt,
  max,
  min,
  mul,
  ne,
  neg,
  not,
  or,
  select,
  shl,
  sqrt,
  sub,
  toF64,
  truncToI32,
  type WasmExpr,
  type WasmLocal,
} from './wasm-expr.ts';
import type { FunctionBuilder } from './wasm-function.ts';

/** What the generated code calls and where module-level variables live. */
export interface KernelCodegenContext {
  program: KernelProgram;
  types: KernelTypes;
  math: KernelMath;
  /** Function index of the IRR solver: (flowsBase, months, hintRate, hintValue, hintTotal) → f64. */
  irrSolve: number;
  computeIrr: boolean;
  /** Module-level variables, by global index. */
  globals: Map<KernelVariable, number>;
}

const MATH_UNARY = { 'Math.abs': abs, 'Math.sqrt': sqrt, 'Math.floor': floor, 'Math.ceil': ceil } as const;
const MATH_FOLD = { 'Math.min': min, 'Math.max': max } as const;
const MATH_CONSTANTS: Record<string, number> = { 'Math.PI': Math.PI, 'Math.E': Math.E };
const ARITHMETIC = { '+': add, '-': sub, '*': mul, '/': div } as const;
const COMPARE = { '<': lt, '>': gt, '<=': le, '>=': ge, '===': eq, '!==': ne } as const;

const wasmType = (type: ScalarType): 'i32' | 'f64' => (type === 'f64' ? 'f64' : 'i32');

/** A value of one scalar type as another, the way JavaScript reads it. */
function convert(value: WasmExpr, have: ScalarType, want: ScalarType): WasmExpr {
  if (have === want) return value;
  if (want === 'f64') return toF64(value);
  if (want === 'bool') return have === 'f64' ? gt(abs(value), f64(0)) : ne(value, i32(0)); // truthiness: neither 0 nor NaN
  return have === 'f64' ? truncToI32(value) : value;
}

/**
 * Emits a kernel's statements into a function, one WebAssembly operation for each
 * JavaScript one on doubles (the same IEEE arithmetic, in the same order), so every
 * value has the bits the JavaScript kernel gives it.
 *
 * @example
 * const emitter = new KernelEmitter(fn, context);
 * emitter.statements(program.beforeTrials);
 * emitter.trials();
 */
export class KernelEmitter {
  private readonly slots = new Map<KernelVariable, WasmLocal>();
  private trial: WasmLocal | null = null;

  constructor(
    private readonly fn: FunctionBuilder,
    private readonly context: KernelCodegenContext,
  ) {}

  /** Statements outside the trial loop (setup, or the kernel before and after it). */
  statements(statements: KernelStatement[]): void {
    for (const node of statements) this.statement(node);
  }

  /** The trial loop, over n = parameter 0 trials. */
  trials(): void {
    const { fn } = this;
    const n = fn.param(0);
    const t = (this.trial = fn.local('i32'));
    fn.while(lt(t, n), () => {
      this.statement(this.context.program.trialBody);
      fn.set(t, add(t, i32(1)));
    });
  }

  private statement(node: KernelStatement): void {
    const { fn, context } = this;
    switch (node.kind) {
      case 'declare':
        for (const declaration of node.declarations) {
          const binding = context.program.bindingOf.get(declaration);
          if (binding?.kind !== 'scalar') continue;
          if (!binding.variable.global) this.slots.set(binding.variable, fn.local(wasmType(context.types.variableType(binding.variable))));
          this.write(binding.variable, declaration.init);
        }
        return;
      case 'destructure':
      case 'return':
        return;
      case 'increment':
      case 'assign': {
        const binding = this.bound(node);
        if (binding.kind === 'scalar') this.write(binding.variable, context.program.storedBy.get(node)!);
        else if (node.kind === 'assign' && binding.kind === 'array') this.storeElement(binding, node);
        else throw new KernelCompileError('unsupported assignment');
        return;
      }
      case 'for':
        // block { if (!test) break; loop { body; update; if (test) continue } }
        if (node.init) this.statement(node.init);
        fn.block((exit) => {
          if (node.test) fn.brIf(exit, not(this.value(node.test, 'bool')));
          fn.loop((repeat) => {
            this.statement(node.body);
            if (node.update) this.statement(node.update);
            fn.brIf(repeat, node.test ? this.value(node.test, 'bool') : i32(1));
          });
        });
        return;
      case 'if':
        fn.if(this.value(node.test, 'bool'), () => this.statement(node.then));
        return;
      case 'block':
        for (const inner of node.body) this.statement(inner);
        return;
    }
  }

  private write(variable: KernelVariable, value: KernelExpr): void {
    const { fn, context } = this;
    const type = context.types.variableType(variable);
    if (variable.global) {
      fn.setGlobal(context.globals.get(variable)!, this.value(value, type));
      return;
    }
    const slot = this.slots.get(variable);
    if (!slot) throw new KernelCompileError(`internal: "${variable.name}" used before its declaration`);
    fn.set(slot, this.value(value, type));
  }

  private storeElement(array: Extract<KernelBinding, { kind: 'array' }>, node: Extract<KernelStatement, { kind: 'assign' }>): void {
    const { fn } = this;
    const at = fn.local('i32');
    fn.set(at, shl(this.value(node.target.index!, 'int'), i32(3)));
    const value = this.value(node.value, 'f64');
    fn.store(at, node.op === '=' ? value : ARITHMETIC[node.op[0] as '+' | '-' | '*'](load('f64', at, array.base), value), array.base);
  }

  /** An expression as a value of type `want`. */
  private value(expr: KernelExpr, want: ScalarType): WasmExpr {
    const { context } = this;
    const have = context.types.typeOf(expr);
    switch (expr.kind) {
      case 'number':
        if (want === 'f64' || !expr.integer) return convert(f64(expr.value), 'f64', want);
        return i32(want === 'bool' ? Number(expr.value !== 0) : expr.value);
      case 'member': {
        const value = MATH_CONSTANTS[`${expr.object}.${expr.property}`];
        if (value === undefined) throw new KernelCompileError(`unsupported ${expr.object}.${expr.property}`);
        return convert(f64(value), 'f64', want);
      }
      case 'name': {
        const binding = this.bound(expr);
        if (binding.kind === 'constant') return convert(f64(binding.value), 'f64', want);
        if (binding.kind === 'param') return convert(this.fn.param(binding.index), 'int', want);
        if (binding.kind === 'trialIndex') return convert(this.trial!, 'int', want);
        if (binding.kind !== 'scalar') throw new KernelCompileError(`"${expr.name}" is not a number`);
        return convert(this.read(binding.variable), context.types.variableType(binding.variable), want);
      }
      case 'index': {
        const array = this.bound(expr);
        if (array.kind !== 'array') throw new KernelCompileError(`"${expr.array}" is not an array`);
        return convert(load('f64', shl(this.value(expr.index, 'int'), i32(3)), array.base), 'f64', want);
      }
      case 'call':
        return convert(this.call(expr), 'f64', want);
      case 'unary':
        if (expr.op === '!') return convert(not(this.value(expr.arg, 'bool')), 'bool', want);
        if (expr.op === '-') return convert(neg(this.value(expr.arg, 'f64')), 'f64', want);
        return convert(this.value(expr.arg, have), have, want);
      case 'binary': {
        const { op } = expr;
        if (op === '&&' || op === '||') return convert((op === '&&' ? and : or)(this.value(expr.left, 'bool'), this.value(expr.right, 'bool')), 'bool', want);
        if (op === '|') return convert(or(this.value(expr.left, 'int'), this.value(expr.right, 'int')), 'int', want);
        const operands: ScalarType = op === '/' || context.types.typeOf(expr.left) === 'f64' || context.types.typeOf(expr.right) === 'f64' ? 'f64' : 'int';
        const left = this.value(expr.left, operands);
        const right = this.value(expr.right, operands);
        if (op in COMPARE) return convert(COMPARE[op as keyof typeof COMPARE](left, right), 'bool', want);
        return convert(ARITHMETIC[op as keyof typeof ARITHMETIC](left, right), operands, want);
      }
      case 'conditional': {
        const test = this.value(expr.test, 'bool');
        const then = this.value(expr.then, want);
        const otherwise = this.value(expr.otherwise, want);
        // A select evaluates both arms: right for cheap ones, not for calls (the IRR has state).
        return calls(expr.then) || calls(expr.otherwise) ? choose(test, then, otherwise) : select(test, then, otherwise);
      }
      default:
        throw new KernelCompileError(`unsupported expression (${expr.kind})`);
    }
  }

  private read(variable: KernelVariable): WasmExpr {
    const { context } = this;
    if (variable.global) return globalGet(context.globals.get(variable)!, wasmType(context.types.variableType(variable)));
    const slot = this.slots.get(variable);
    if (!slot) throw new KernelCompileError(`internal: "${variable.name}" used before its declaration`);
    return slot;
  }

  private call(expr: Extract<KernelExpr, { kind: 'call' }>): WasmExpr {
    const { context } = this;
    if (Object.hasOwn(MATH_UNARY, expr.callee) && expr.args.length === 1)
      return MATH_UNARY[expr.callee as keyof typeof MATH_UNARY](this.value(expr.args[0], 'f64'));
    if (Object.hasOwn(MATH_FOLD, expr.callee) && expr.args.length >= 1) {
      const fold = MATH_FOLD[expr.callee as keyof typeof MATH_FOLD];
      return expr.args.slice(1).reduce((value, arg) => fold(value, this.value(arg, 'f64')), this.value(expr.args[0], 'f64'));
    }
    const binding = this.bound(expr);
    if (binding.kind !== 'helper') throw new KernelCompileError(`unsupported call ${expr.callee}()`);
    if (expr.args.length !== HELPER_ARITY[binding.name]) throw new KernelCompileError(`${binding.name}() takes ${HELPER_ARITY[binding.name]} arguments`);
    if (binding.name !== 'irr')
      return KERNEL_HELPERS[binding.name](
        this.fn,
        context.math,
        expr.args.map((arg) => this.value(arg, 'f64')),
      );
    const flows = expr.args[0].kind === 'name' ? this.bound(expr.args[0]) : null;
    if (flows?.kind !== 'array' || flows.role !== 'flows') throw new KernelCompileError('irr() must be given the flows array');
    if (!context.computeIrr) return f64(NaN);
    const [, months, rate, value, total] = expr.args;
    return call(
      context.irrSolve,
      [i32(flows.base), this.value(months, 'int'), this.value(rate, 'f64'), this.value(value, 'f64'), this.value(total, 'f64')],
      'f64',
    );
  }

  private bound(node: object): KernelBinding {
    const binding = this.context.program.bindingOf.get(node);
    if (!binding) throw new KernelCompileError('internal: unresolved name');
    return binding;
  }
}

/** Whether an expression calls a helper (Math's operators are instructions, not calls). */
function calls(expr: KernelExpr): boolean {
  switch (expr.kind) {
    case 'call':
      return !expr.callee.startsWith('Math.') || expr.args.some(calls);
    case 'unary':
      return calls(expr.arg);
    case 'binary':
      return calls(expr.left) || calls(expr.right);
    case 'conditional':
      return calls(expr.test) || calls(expr.then) || calls(expr.otherwise);
    case 'index':
      return calls(expr.index);
    default:
      return false;
  }
}
