/*
 * One source, two backends. A deterministic function is written once against
 * `ScalarOps`: IEEE-754 +, −, ×, ÷, √, floor, trunc, comparisons, a both-sides
 * select, and the fdlibm exp and log of deterministic-math.ts. The JavaScript
 * backend below turns that body into JavaScript source (compiled once); the
 * WebAssembly backend (models/wasm/scalar-ops-wasm.ts) turns the same body into a
 * module function. Both perform the same operations in the same order on the same
 * constants, so they give the same bits in every engine, with no hand-kept twin.
 */
import * as dm from './deterministic-math.ts';

/**
 * The operations a deterministic body may use. `T` is a double, `B` a boolean, in
 * whatever form the backend builds them. `let` names a value used more than once.
 */
export interface ScalarOps<T, B> {
  num(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sqrt(a: T): T;
  floor(a: T): T;
  trunc(a: T): T;
  lt(a: T, b: T): B;
  le(a: T, b: T): B;
  gt(a: T, b: T): B;
  ge(a: T, b: T): B;
  eq(a: T, b: T): B;
  and(a: B, b: B): B;
  or(a: B, b: B): B;
  not(a: B): B;
  /** `whenTrue` if `condition`, else `whenFalse`. Either arm may be computed: arms must not trap. */
  select(condition: B, whenTrue: T, whenFalse: T): T;
  /** Computes `value` once and returns a name for it. */
  let(value: T): T;
  exp(a: T): T;
  log(a: T): T;
  /** 2^k, exactly, for an integer k in [−1024, 1023] (from deterministic-math.ts's POWERS_OF_TWO table). */
  powerOfTwo(k: T): T;
}

/** A deterministic function body: arguments in, one value out, built from `ScalarOps` only. */
export type ScalarBody = <T, B>(o: ScalarOps<T, B>, args: T[]) => T;

function jsLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '(-Infinity)';
  if (Object.is(value, -0)) return '(-0)';
  // String(double) round-trips exactly (ECMAScript Number::toString gives the shortest exact form).
  return value < 0 ? `(${String(value)})` : String(value);
}

/**
 * The JavaScript source of a body, as a function of `arity` numbers. The conditions
 * become `?:`, which computes one arm; that is the same value as computing both.
 *
 * @example
 * scalarSource((o, [x]) => o.mul(x, x), 1) // 'const v0 = (a0 * a0); return v0;' (roughly)
 */
export function scalarSource(body: ScalarBody, arity: number): string {
  const lines: string[] = [];
  const binary = (op: string) => (a: string, b: string) => `(${a} ${op} ${b})`;
  const ops: ScalarOps<string, string> = {
    num: jsLiteral,
    add: binary('+'),
    sub: binary('-'),
    mul: binary('*'),
    div: binary('/'),
    neg: (a) => `(-${a})`,
    abs: (a) => `Math.abs(${a})`,
    sqrt: (a) => `Math.sqrt(${a})`,
    floor: (a) => `Math.floor(${a})`,
    trunc: (a) => `Math.trunc(${a})`,
    lt: binary('<'),
    le: binary('<='),
    gt: binary('>'),
    ge: binary('>='),
    eq: binary('==='),
    and: binary('&&'),
    or: binary('||'),
    not: (a) => `(!${a})`,
    select: (c, t, f) => `(${c} ? ${t} : ${f})`,
    let: (value) => {
      const name = `v${lines.length}`;
      lines.push(`const ${name} = ${value};`);
      return name;
    },
    exp: (a) => `exp(${a})`,
    log: (a) => `log(${a})`,
    powerOfTwo: (k) => `P2[${k} + 1024]`,
  };
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const result = body(ops, params);
  return `${lines.join('\n')}\nreturn ${result};`;
}

/**
 * Compiles a body to a JavaScript function (once, at load), calling deterministic-math.ts's exp and log.
 *
 * @example
 * const square = compileScalar((o, [x]) => o.mul(x, x), 1);
 * square(3) // 9
 */
export function compileScalar(body: ScalarBody, arity: number): (...args: number[]) => number {
  const params = Array.from({ length: arity }, (_, i) => `a${i}`);
  const factory = new Function('exp', 'log', 'P2', `return function (${params.join(', ')}) {\n${scalarSource(body, arity)}\n};`);
  return factory(dm.exp, dm.log, dm.POWERS_OF_TWO) as (...args: number[]) => number;
}
