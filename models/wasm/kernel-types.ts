import type { KernelBinding, KernelProgram, KernelVariable } from './kernel-program.ts';
import { KernelCompileError } from './kernel-compile-error.ts';
import type { KernelExpr } from './kernel-syntax.ts';

/** Scalar types: integers (loop counters, indices) are i32, booleans i32 0/1, the rest f64. */
export type ScalarType = 'int' | 'bool' | 'f64';

/** The type of every expression and variable of a kernel. */
export interface KernelTypes {
  typeOf(expr: KernelExpr): ScalarType;
  variableType(variable: KernelVariable): ScalarType;
}

const TESTS = new Set(['<', '>', '<=', '>=', '===', '!==', '&&', '||']);

function join(a: ScalarType | null, b: ScalarType | null): ScalarType | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  return a === 'f64' || b === 'f64' ? 'f64' : 'int';
}

/**
 * Infers every variable's type, to a fixed point: a variable is an integer only if
 * everything stored in it is (loop counters, month indices), a boolean only if only
 * tests are, otherwise f64. Integer arithmetic on small integers gives the same
 * values as JavaScript's doubles; negation is always f64, since −0 exists only there.
 *
 * @example
 * const types = inferKernelTypes(resolveKernel(source, shape));
 * types.variableType(variable) // 'int' | 'bool' | 'f64'
 */
export function inferKernelTypes(program: KernelProgram): KernelTypes {
  const types = new Map<KernelVariable, ScalarType | null>(program.variables.map((variable) => [variable, null]));
  const bound = (node: object): KernelBinding => {
    const binding = program.bindingOf.get(node);
    if (!binding) throw new KernelCompileError('internal: unresolved name');
    return binding;
  };
  const rawType = (expr: KernelExpr): ScalarType | null => {
    switch (expr.kind) {
      case 'number':
        return expr.integer ? 'int' : 'f64';
      case 'name': {
        const binding = bound(expr);
        if (binding.kind === 'scalar') return types.get(binding.variable) ?? null;
        if (binding.kind === 'param' || binding.kind === 'trialIndex') return 'int';
        if (binding.kind === 'constant') return 'f64';
        throw new KernelCompileError(`"${expr.name}" is not a number`);
      }
      case 'unary':
        if (expr.op === '!') return 'bool';
        if (expr.op === '-') return 'f64';
        return rawType(expr.arg) === 'f64' ? 'f64' : 'int';
      case 'binary': {
        if (TESTS.has(expr.op)) return 'bool';
        if (expr.op === '|') return 'int';
        if (expr.op === '/') return 'f64';
        const left = rawType(expr.left);
        const right = rawType(expr.right);
        if (left === null || right === null) return left ?? right;
        return left === 'f64' || right === 'f64' ? 'f64' : 'int';
      }
      case 'conditional':
        return join(rawType(expr.then), rawType(expr.otherwise));
      default:
        return 'f64';
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const variable of program.variables) {
      const type = join(types.get(variable)!, variable.assigned.map(rawType).reduce(join, null));
      if (type !== types.get(variable)) {
        types.set(variable, type);
        changed = true;
      }
    }
  }
  return {
    typeOf: (expr) => rawType(expr) ?? 'int',
    variableType: (variable) => types.get(variable) ?? 'int',
  };
}
