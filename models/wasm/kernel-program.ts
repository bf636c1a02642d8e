import { SCALAR_HELPERS, type ScalarHelperName } from '../engine/kernel-helpers.ts';
import { POWERS_OF_TWO_BYTES } from './deterministic-math-wasm.ts';
import { KernelCompileError } from './kernel-compile-error.ts';
import { parseKernelSource, type KernelExpr, type KernelStatement } from './kernel-syntax.ts';
import type { MemoryLayout } from './memory-layout.ts';

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
const KERNEL_PARAMS = ['cols', 'n', 'out', 'offset', 'acc', 'flows', 'fan', 'fanFirstRow', 'fanRows', 'lineOffset'] as const;
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
  const columnBytes = shape.chunkSize * 8;
  const H = shape.horizonMonths;
  const layout: WasmKernelLayout = {
    powersOfTwo: memory.reserve(POWERS_OF_TWO_BYTES),
    discountFactors: memory.reserve((H + 1) * 8),
    // Two months past the horizon: the IRR's last vector step reads them (and ignores them).
    flows: memory.reserve((H + 2) * 8),
    accumulators: memory.reserve(shape.accumulators * 8),
    inputs: memory.reserve(shape.inputs * columnBytes),
    outputs: memory.reserve(shape.outputs * columnBytes),
    fan: memory.reserve(shape.chunkSize * H * 8),
  };

  const bindingOf = new Map<object, KernelBinding>();
  const storedBy = new Map<KernelStatement, KernelExpr>();
  const variables: KernelVariable[] = [];
  const arrayInits: { base: number; values: number[] }[] = [];
  let kernel: Extract<KernelExpr, { kind: 'function' }> | null = null;
  const builtins = new Map<string, KernelBinding>([
    ['Infinity', { kind: 'constant', value: Infinity }],
    ['NaN', { kind: 'constant', value: NaN }],
  ]);
  type Chain = Map<string, KernelBinding>[];
  const lookup = (name: string, chain: Chain): KernelBinding => {
    for (const level of chain) {
      const binding = level.get(name);
      if (binding) return binding;
    }
    const builtin = builtins.get(name);
    if (builtin) return builtin;
    throw new KernelCompileError(`unknown name "${name}"`);
  };

  const expression = (expr: KernelExpr, chain: Chain): void => {
    switch (expr.kind) {
      case 'name':
        bindingOf.set(expr, lookup(expr.name, chain));
        return;
      case 'index':
        bindingOf.set(expr, lookup(expr.array, chain));
        expression(expr.index, chain);
        return;
      case 'call':
        if (!expr.callee.startsWith('Math.')) bindingOf.set(expr, lookup(expr.callee, chain));
        for (const arg of expr.args) expression(arg, chain);
        return;
      case 'unary':
        expression(expr.arg, chain);
        return;
      case 'binary':
        expression(expr.left, chain);
        expression(expr.right, chain);
        return;
      case 'conditional':
        expression(expr.test, chain);
        expression(expr.then, chain);
        expression(expr.otherwise, chain);
        return;
      case 'number':
      case 'member':
        return;
      default:
        throw new KernelCompileError(`unsupported expression (${expr.kind})`);
    }
  };

  const stores = (variable: KernelVariable, node: KernelStatement, chain: Chain): void => {
    const current: KernelExpr = { kind: 'name', name: variable.name };
    bindingOf.set(current, lookup(variable.name, chain));
    let stored: KernelExpr;
    if (node.kind === 'increment') stored = { kind: 'binary', op: '+', left: current, right: { kind: 'number', value: 1, integer: true } };
    else if (node.kind === 'assign') stored = node.op === '=' ? node.value : { kind: 'binary', op: node.op[0] as '+' | '-' | '*', left: current, right: node.value };
    else throw new KernelCompileError('internal: not an assignment');
    variable.assigned.push(stored);
    storedBy.set(node, stored);
  };

  const declare = (declaration: { name: string; init: KernelExpr }, scope: Map<string, KernelBinding>, chain: Chain, topLevel: boolean): void => {
    const { name, init } = declaration;
    if (init.kind === 'new') {
      if (init.callee !== 'Float64Array' || init.args.length !== 1 || init.args[0].kind !== 'number') {
        throw new KernelCompileError(`unsupported allocation "new ${init.callee}"`);
      }
      const length = init.args[0].value;
      scope.set(name, { kind: 'array', base: memory.reserve(length * 8), role: 'table', length });
    } else if (init.kind === 'array') {
      const values = init.elements.map((element) => {
        if (element.kind === 'number') return element.value;
        if (element.kind === 'unary' && element.op === '-' && element.arg.kind === 'number') return -element.arg.value;
        throw new KernelCompileError('array literals may hold only numbers');
      });
      const base = memory.reserve(values.length * 8);
      arrayInits.push({ base, values });
      scope.set(name, { kind: 'array', base, role: 'table', length: values.length });
    } else if (init.kind === 'index' && (init.array === 'cols' || init.array === 'out')) {
      const columns = lookup(init.array, chain);
      if (columns.kind !== 'columns' || init.index.kind !== 'number') throw new KernelCompileError(`unsupported column binding "${name}"`);
      const input = columns.of === 'inputs';
      const k = init.index.value;
      if (k >= (input ? shape.inputs : shape.outputs)) throw new KernelCompileError(`column ${k} of ${init.array} is beyond the shape`);
      const base = (input ? layout.inputs : layout.outputs) + k * columnBytes;
      scope.set(name, { kind: 'array', base, role: input ? 'input' : 'output', length: shape.chunkSize });
    } else {
      expression(init, chain);
      const variable: KernelVariable = { name, global: topLevel, assigned: [init] };
      variables.push(variable);
      const binding: KernelBinding = { kind: 'scalar', variable };
      bindingOf.set(declaration, binding);
      scope.set(name, binding);
    }
  };

  function statement(node: KernelStatement, scope: Map<string, KernelBinding>, chain: Chain, topLevel: boolean): void {
    switch (node.kind) {
      case 'declare':
        for (const declaration of node.declarations) declare(declaration, scope, chain, topLevel);
        return;
      case 'destructure':
        if (node.source !== 'helpers') throw new KernelCompileError(`unsupported destructuring of "${node.source}"`);
        for (const name of node.names) {
          if (name === 'df') scope.set(name, { kind: 'array', base: layout.discountFactors, role: 'discountFactors', length: H + 1 });
          else if (Object.hasOwn(HELPER_ARITY, name)) scope.set(name, { kind: 'helper', name: name as KernelHelperName });
          else throw new KernelCompileError(`unknown helper "${name}"`);
        }
        return;
      case 'assign': {
        const target = lookup(node.target.name, chain);
        bindingOf.set(node, target);
        expression(node.value, chain);
        if (node.target.index) {
          if (target.kind !== 'array') throw new KernelCompileError(`"${node.target.name}" is not an array`);
          expression(node.target.index, chain);
        } else if (target.kind === 'scalar') stores(target.variable, node, chain);
        else throw new KernelCompileError(`cannot assign to "${node.target.name}"`);
        return;
      }
      case 'increment': {
        const target = lookup(node.name, chain);
        if (target.kind !== 'scalar') throw new KernelCompileError(`cannot increment "${node.name}"`);
        bindingOf.set(node, target);
        stores(target.variable, node, chain);
        return;
      }
      case 'for': {
        // The loop's own `let` is visible to its test, update and body only.
        const loopScope = new Map<string, KernelBinding>();
        const loopChain = [loopScope, ...chain];
        if (node.init) statement(node.init, loopScope, loopChain, false);
        if (node.test) expression(node.test, loopChain);
        if (node.update) statement(node.update, loopScope, loopChain, false);
        statement(node.body, loopScope, loopChain, false);
        return;
      }
      case 'if':
        expression(node.test, chain);
        statement(node.then, scope, chain, false);
        return;
      case 'block': {
        const blockScope = new Map<string, KernelBinding>();
        const blockChain = [blockScope, ...chain];
        for (const inner of node.body) statement(inner, blockScope, blockChain, false);
        return;
      }
      case 'return': {
        const value = node.value;
        if (!topLevel || value.kind !== 'function') throw new KernelCompileError('only the kernel function may be returned');
        if (value.params.join(',') !== KERNEL_PARAMS.join(',')) throw new KernelCompileError(`unexpected kernel parameters (${value.params.join(', ')})`);
        kernel = value;
        const paramScope = new Map<string, KernelBinding>([
          ['cols', { kind: 'columns', of: 'inputs' }],
          ['out', { kind: 'columns', of: 'outputs' }],
          ['acc', { kind: 'array', base: layout.accumulators, role: 'accumulators', length: shape.accumulators }],
          ['flows', { kind: 'array', base: layout.flows, role: 'flows', length: H }],
          ['fan', { kind: 'array', base: layout.fan, role: 'fan', length: shape.chunkSize * H }],
        ]);
        SCALAR_PARAMS.forEach((name, index) => paramScope.set(name, { kind: 'param', index }));
        const bodyScope = new Map<string, KernelBinding>();
        const bodyChain = [bodyScope, paramScope, ...chain];
        for (const inner of value.body) {
          if (isTrialLoop(inner)) {
            // The trial counter: a local of the generated loop.
            const loopScope = new Map<string, KernelBinding>([['t', { kind: 'trialIndex' }]]);
            statement(inner.body, loopScope, [loopScope, ...bodyChain], false);
          } else statement(inner, bodyScope, bodyChain, false);
        }
        return;
      }
    }
  }

  const moduleScope = new Map<string, KernelBinding>();
  for (const node of statements) statement(node, moduleScope, [moduleScope], true);
  if (!kernel) throw new KernelCompileError('no kernel function returned');
  const body = (kernel as Extract<KernelExpr, { kind: 'function' }>).body;
  const loops = body.filter(isTrialLoop);
  if (loops.length !== 1) throw new KernelCompileError('the kernel must have exactly one trial loop');
  const at = body.indexOf(loops[0]);
  return {
    setup: statements.filter((node) => node.kind !== 'return'),
    beforeTrials: body.slice(0, at),
    trialBody: (loops[0] as Extract<KernelStatement, { kind: 'for' }>).body,
    afterTrials: body.slice(at + 1),
    bindingOf,
    storedBy,
    variables,
    arrayInits,
    layout,
  };
}

/** `for (let t = 0; t < n; t++)`: the loop over a call's trials. */
function isTrialLoop(node: KernelStatement): node is Extract<KernelStatement, { kind: 'for' }> {
  return (
    node.kind === 'for' &&
    node.init?.kind === 'declare' &&
    node.init.declarations.length === 1 &&
    node.init.declarations[0].name === 't' &&
    node.init.declarations[0].init.kind === 'number' &&
    node.init.declarations[0].init.value === 0 &&
    node.test?.kind === 'binary' &&
    node.test.op === '<' &&
    node.test.left.kind === 'name' &&
    node.test.left.name === 't' &&
    node.test.right.kind === 'name' &&
    node.test.right.name === 'n' &&
    node.update?.kind === 'increment' &&
    node.update.name === 't'
  );
}
