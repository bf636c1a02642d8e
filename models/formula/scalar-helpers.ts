import * as dm from '../math/deterministic-math.ts';
import { DETERMINISTIC_FUNCTIONS, DETERMINISTIC_JS, type DeterministicName } from '../math/deterministic-functions.ts';

// The kernel's scalar helpers live with the compiler that emits calls to them (formula/),
// below the engine and the WebAssembly translation that both read this one list.

/** A scalar helper: f64 arguments in, one f64 out, the same bits in JavaScript and WebAssembly. */
export interface ScalarHelper {
  arity: number;
  js: (...args: number[]) => number;
}

/** The kernel helper of a deterministic function: `d` + its name (dsin, dnormcdf, …). */
export type DeterministicHelperName = `d${DeterministicName}`;

const deterministicHelpers = Object.fromEntries(
  (Object.keys(DETERMINISTIC_FUNCTIONS) as DeterministicName[]).map((name) => [
    `d${name}`,
    { arity: DETERMINISTIC_FUNCTIONS[name].arity, js: DETERMINISTIC_JS[name] },
  ]),
) as Record<DeterministicHelperName, ScalarHelper>;

/**
 * Every scalar helper a generated kernel may call, by name: the one list the kernel's
 * destructuring, the JavaScript helpers and the WebAssembly translation all read
 * (models/wasm/kernel-helpers-wasm.ts must give each a WebAssembly form).
 *
 * @example
 * SCALAR_HELPERS.dsin.js(0) // 0
 */
export const SCALAR_HELPERS = {
  dexp: { arity: 1, js: dm.exp },
  dlog: { arity: 1, js: dm.log },
  dlog10: { arity: 1, js: dm.log10 },
  dpow: { arity: 2, js: dm.pow },
  ramp: {
    arity: 3,
    js(month: number, from: number, to: number): number {
      if (to <= from) return month >= from ? 1 : 0;
      return month <= from ? 0 : month >= to ? 1 : (month - from) / (to - from);
    },
  },
  fmod: {
    arity: 2,
    js(a: number, b: number): number {
      return b === 0 ? a : a - b * Math.floor(a / b);
    },
  },
  roundHalfAway: {
    arity: 1,
    js(value: number): number {
      return Math.sign(value) * Math.round(Math.abs(value));
    },
  },
  ...deterministicHelpers,
} satisfies Record<string, ScalarHelper>;

/** The name of a scalar kernel helper. */
export type ScalarHelperName = keyof typeof SCALAR_HELPERS;
