import { createTrialIrr } from './trial-irr.ts';
import * as dm from '../math/deterministic-math.ts';
import { DETERMINISTIC_FUNCTIONS, DETERMINISTIC_JS, type DeterministicName } from '../math/deterministic-functions.ts';

/**
 * The discount factor for each month under end-of-month discounting at an annual
 * rate: df[m] = (1 + rate)^(-m/12), so month 1 is discounted one month, as Excel's
 * NPV discounts its first flow one period. df[0] is 1.
 *
 * @example
 * monthlyDiscountFactors(0.1, 12)[12] // 1 / 1.1
 */
export function monthlyDiscountFactors(discountRateAnnual: number, horizonMonths: number): Float64Array {
  const factors = new Float64Array(horizonMonths + 1);
  for (let m = 0; m <= horizonMonths; m++) factors[m] = dm.pow(1 + discountRateAnnual, -m / 12);
  return factors;
}

/** A scalar helper: f64 arguments in, one f64 out, the same bits in JavaScript and WebAssembly. */
export interface ScalarHelper {
  arity: number;
  js: (...args: number[]) => number;
}

/** The kernel helper of a deterministic function: `d` + its name (dsin, dnormcdf, …). */
export type DeterministicHelperName = `d${DeterministicName}`;

const deterministicHelpers = Object.fromEntries(
  (Object.keys(DETERMINISTIC_FUNCTIONS) as DeterministicName[]).map((name) => [`d${name}`, { arity: DETERMINISTIC_FUNCTIONS[name].arity, js: DETERMINISTIC_JS[name] }]),
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

/**
 * The helper functions a generated kernel may call. Each kernel instance gets its
 * own IRR warm-start state, so results never depend on what ran before in a thread
 * beyond the chunk itself.
 *
 * @example
 * const helpers = kernelHelpers(0.1, 48);
 */
export function kernelHelpers(discountRateAnnual: number, horizonMonths: number) {
  const irr = createTrialIrr();
  const scalars = Object.fromEntries(Object.entries(SCALAR_HELPERS).map(([name, helper]) => [name, helper.js])) as Record<ScalarHelperName, (...args: number[]) => number>;
  return {
    ...scalars,
    irr: irr.solve,
    resetIrr: irr.reset,
    df: monthlyDiscountFactors(discountRateAnnual, horizonMonths),
  };
}
