import { KernelCompileError } from './kernel-compile-error.ts';
import {
  HELPER_ARITY,
  KERNEL_PARAMS,
  SCALAR_PARAMS,
  type KernelBinding,
  type KernelHelperName,
  type KernelShape,
  type KernelVariable,
  type WasmKernelLayout,
} from './kernel-bindings.ts';
import type { KernelExpr, KernelStatement } from './kernel-syntax.ts';
import type { MemoryLayout } from './memory-layout.ts';

/** Scopes from the innermost out. */
type Chain = Map<string, KernelBinding>[];
type KernelFunction = Extract<KernelExpr, { kind: 'function' }>;
type ForStatement = Extract<KernelStatement, { kind: 'for' }>;

const BUILTINS = new Map<string, KernelBinding>([
  ['Infinity', { kind: 'constant', value: Infinity }],
  ['NaN', { kind: 'constant', value: NaN }],
]);

/**
 * Walks a parsed kernel source once, in source order, binding every name to its
 * declaration and giving every array its region of linear memory (reserved in the
 * order the declarations appear, so the module's addresses follow the source).
 *
 * @example
 * const resolver = new NameResolver(shape, layout, memory);
 * for (const node of statements) resolver.statement(node, scope, [scope], true);
 */
export class NameResolver {
  readonly bindingOf = new Map<object, KernelBinding>();
  readonly storedBy = new Map<KernelStatement, KernelExpr>();
  readonly variables: KernelVariable[] = [];
  readonly arrayInits: { base: number; values: number[] }[] = [];
  /** The returned kernel function, once seen. */
  kernel: KernelFunction | null = null;

  constructor(
    private readonly shape: KernelShape,
    private readonly layout: WasmKernelLayout,
    private readonly memory: MemoryLayout,
  ) {}

  /** Resolves one statement into `scope` (its own declarations) under `chain` (what it sees). */
  statement(node: KernelStatement, scope: Map<string, KernelBinding>, chain: Chain, topLevel: boolean): void {
    switch (node.kind) {
      case 'declare':
        for (const declaration of node.declarations) this.declare(declaration, scope, chain, topLevel);
        return;
      case 'destructure':
        this.destructureHelpers(node, scope);
        return;
      case 'assign':
        this.assign(node, chain);
        return;
      case 'increment': {
        const target = this.lookup(node.name, chain);
        if (target.kind !== 'scalar') throw new KernelCompileError(`cannot increment "${node.name}"`);
        this.bindingOf.set(node, target);
        this.stores(target.variable, node, chain);
        return;
      }
      case 'for': {
        // The loop's own `let` is visible to its test, update and body only.
        const loopScope = new Map<string, KernelBinding>();
        const loopChain = [loopScope, ...chain];
        if (node.init) this.statement(node.init, loopScope, loopChain, false);
        if (node.test) this.expression(node.test, loopChain);
        if (node.update) this.statement(node.update, loopScope, loopChain, false);
        this.statement(node.body, loopScope, loopChain, false);
        return;
      }
      case 'if':
        this.expression(node.test, chain);
        this.statement(node.then, scope, chain, false);
        return;
      case 'block': {
        const blockScope = new Map<string, KernelBinding>();
        const blockChain = [blockScope, ...chain];
        for (const inner of node.body) this.statement(inner, blockScope, blockChain, false);
        return;
      }
      case 'return':
        if (!topLevel || node.value.kind !== 'function') throw new KernelCompileError('only the kernel function may be returned');
        this.kernelFunction(node.value, chain);
        return;
    }
  }

  private lookup(name: string, chain: Chain): KernelBinding {
    for (const level of chain) {
      const binding = level.get(name);
      if (binding) return binding;
    }
    const builtin = BUILTINS.get(name);
    if (builtin) return builtin;
    throw new KernelCompileError(`unknown name "${name}"`);
  }

  private expression(expr: KernelExpr, chain: Chain): void {
    switch (expr.kind) {
      case 'name':
        this.bindingOf.set(expr, this.lookup(expr.name, chain));
        return;
      case 'index':
        this.bindingOf.set(expr, this.lookup(expr.array, chain));
        this.expression(expr.index, chain);
        return;
      case 'call':
        if (!expr.callee.startsWith('Math.')) this.bindingOf.set(expr, this.lookup(expr.callee, chain));
        for (const arg of expr.args) this.expression(arg, chain);
        return;
      case 'unary':
        this.expression(expr.arg, chain);
        return;
      case 'binary':
        this.expression(expr.left, chain);
        this.expression(expr.right, chain);
        return;
      case 'conditional':
        this.expression(expr.test, chain);
        this.expression(expr.then, chain);
        this.expression(expr.otherwise, chain);
        return;
      case 'number':
      case 'member':
        return;
      default:
        throw new KernelCompileError(`unsupported expression (${expr.kind})`);
    }
  }

  /** Records what an assignment or increment stores in a scalar (a compound one as its binary expression). */
  private stores(variable: KernelVariable, node: KernelStatement, chain: Chain): void {
    const current: KernelExpr = { kind: 'name', name: variable.name };
    this.bindingOf.set(current, this.lookup(variable.name, chain));
    let stored: KernelExpr;
    if (node.kind === 'increment') stored = { kind: 'binary', op: '+', left: current, right: { kind: 'number', value: 1, integer: true } };
    else if (node.kind === 'assign')
      stored = node.op === '=' ? node.value : { kind: 'binary', op: node.op[0] as '+' | '-' | '*', left: current, right: node.value };
    else throw new KernelCompileError('internal: not an assignment');
    variable.assigned.push(stored);
    this.storedBy.set(node, stored);
  }

  private assign(node: Extract<KernelStatement, { kind: 'assign' }>, chain: Chain): void {
    const target = this.lookup(node.target.name, chain);
    this.bindingOf.set(node, target);
    this.expression(node.value, chain);
    if (node.target.index) {
      if (target.kind !== 'array') throw new KernelCompileError(`"${node.target.name}" is not an array`);
      this.expression(node.target.index, chain);
    } else if (target.kind === 'scalar') this.stores(target.variable, node, chain);
    else throw new KernelCompileError(`cannot assign to "${node.target.name}"`);
  }

  /** `const { … } = helpers`: the discount factors array and the helper functions. */
  private destructureHelpers(node: Extract<KernelStatement, { kind: 'destructure' }>, scope: Map<string, KernelBinding>): void {
    if (node.source !== 'helpers') throw new KernelCompileError(`unsupported destructuring of "${node.source}"`);
    for (const name of node.names) {
      if (name === 'df') scope.set(name, { kind: 'array', base: this.layout.discountFactors, role: 'discountFactors', length: this.shape.horizonMonths + 1 });
      else if (Object.hasOwn(HELPER_ARITY, name)) scope.set(name, { kind: 'helper', name: name as KernelHelperName });
      else throw new KernelCompileError(`unknown helper "${name}"`);
    }
  }

  /** A declaration: a table (allocated or literal), a column of cols/out, or a scalar variable. */
  private declare(declaration: { name: string; init: KernelExpr }, scope: Map<string, KernelBinding>, chain: Chain, topLevel: boolean): void {
    const { name, init } = declaration;
    const { shape, layout, memory } = this;
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
      this.arrayInits.push({ base, values });
      scope.set(name, { kind: 'array', base, role: 'table', length: values.length });
    } else if (init.kind === 'index' && (init.array === 'cols' || init.array === 'out')) {
      const columns = this.lookup(init.array, chain);
      if (columns.kind !== 'columns' || init.index.kind !== 'number') throw new KernelCompileError(`unsupported column binding "${name}"`);
      const input = columns.of === 'inputs';
      const k = init.index.value;
      if (k >= (input ? shape.inputs : shape.outputs)) throw new KernelCompileError(`column ${k} of ${init.array} is beyond the shape`);
      const base = (input ? layout.inputs : layout.outputs) + k * shape.chunkSize * 8;
      scope.set(name, { kind: 'array', base, role: input ? 'input' : 'output', length: shape.chunkSize });
    } else {
      this.expression(init, chain);
      const variable: KernelVariable = { name, global: topLevel, assigned: [init] };
      this.variables.push(variable);
      const binding: KernelBinding = { kind: 'scalar', variable };
      this.bindingOf.set(declaration, binding);
      scope.set(name, binding);
    }
  }

  /** The returned kernel: its parameters bound to memory and params, its trial loop's `t` to the trial index. */
  private kernelFunction(value: KernelFunction, chain: Chain): void {
    if (value.params.join(',') !== KERNEL_PARAMS.join(',')) throw new KernelCompileError(`unexpected kernel parameters (${value.params.join(', ')})`);
    this.kernel = value;
    const { shape, layout } = this;
    const H = shape.horizonMonths;
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
        this.statement(inner.body, loopScope, [loopScope, ...bodyChain], false);
      } else this.statement(inner, bodyScope, bodyChain, false);
    }
  }
}

/**
 * `for (let t = 0; t < n; t++)`: the loop over a call's trials.
 *
 * @example
 * program.body.filter(isTrialLoop)
 */
export function isTrialLoop(node: KernelStatement): node is ForStatement {
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
