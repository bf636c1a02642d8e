/*
 * The deterministic functions written once as `ScalarBody`s (scalar-ops.ts), and their
 * JavaScript forms, compiled once at load. The WebAssembly kernel builds its forms from
 * the same bodies (models/wasm/scalar-ops-wasm.ts), so both give the same bits.
 */
import { atan2Body, atanBody, cosBody, sinBody, tanBody } from './trig-bodies.ts';
import { cbrtBody, coshBody, hypotBody, signBody, sinhBody, tanhBody, truncBody } from './elementary-bodies.ts';
import { normcdfBody, norminvBody } from './normal-bodies.ts';
import { compileScalar, type ScalarBody } from './scalar-ops.ts';

/** A deterministic function: how many arguments it takes and its one body. */
export interface DeterministicFunction {
  arity: number;
  body: ScalarBody;
}

/**
 * Every function built from a body, by name.
 *
 * @example
 * DETERMINISTIC_FUNCTIONS.sin.arity // 1
 */
export const DETERMINISTIC_FUNCTIONS = {
  sin: { arity: 1, body: sinBody },
  cos: { arity: 1, body: cosBody },
  tan: { arity: 1, body: tanBody },
  atan: { arity: 1, body: atanBody },
  atan2: { arity: 2, body: atan2Body },
  sinh: { arity: 1, body: sinhBody },
  cosh: { arity: 1, body: coshBody },
  tanh: { arity: 1, body: tanhBody },
  sign: { arity: 1, body: signBody },
  trunc: { arity: 1, body: truncBody },
  cbrt: { arity: 1, body: cbrtBody },
  hypot: { arity: 2, body: hypotBody },
  normcdf: { arity: 1, body: normcdfBody },
  norminv: { arity: 1, body: norminvBody },
} as const satisfies Record<string, DeterministicFunction>;

/** The name of a function built from a body. */
export type DeterministicName = keyof typeof DETERMINISTIC_FUNCTIONS;

/**
 * The JavaScript form of each, identical in every engine.
 *
 * @example
 * DETERMINISTIC_JS.sin(Math.PI / 6) // 0.49999999999999994
 */
export const DETERMINISTIC_JS = Object.fromEntries(
  Object.entries(DETERMINISTIC_FUNCTIONS).map(([name, fn]) => [name, compileScalar(fn.body, fn.arity)]),
) as Record<DeterministicName, (...args: number[]) => number>;
