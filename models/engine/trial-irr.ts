import { TrialIrrSearch } from './trial-irr-search.ts';

export { CONTRACTION_FINAL_ERROR, CONTRACTION_FINAL_STEP, HALLEY_FINAL_STEP } from './irr-stopping-rules.ts';

/**
 * The annualised IRR of one trial's monthly net cash flows (month 1 discounted one
 * month, as Excel's IRR treats the first flow of a series starting one period out).
 * When no rate solves NPV = 0 the result still ranks correctly: −Infinity when no
 * month's net flow is positive (the project never earns anything back), +Infinity
 * when none is negative. NaN means no single rate: none exists, or several may.
 *
 * With one sign change there is exactly one root (Descartes); with one sign change
 * of the cumulative cash flow, exactly one positive root (Norström). Otherwise, when
 * the first and last flows differ in sign there is an odd number of roots: one is
 * found and kept only if the rule of signs on each side of it shows there is no other
 * (`isOnlyRoot`). When they share a sign there is none or an even number: NaN.
 *
 * The root is found with Halley's method on g(t) = Σ flow_k e^(−k·t), t = ln(1 + r_monthly),
 * inside a bracket that falls back to bisection. The undiscounted total and the NPV at the
 * discount rate (free from the kernel) narrow the bracket before the first iteration. Each
 * pass sums the months in four lanes (the WebAssembly port's two f64x2 vectors), and a
 * pass ends the search once its step, or the error two successive steps leave, is tiny.
 *
 * @example
 * const irr = createTrialIrr();
 * irr.solve(new Float64Array([-1000, 100, 1200]), 3) // monthly ≈ 0.1466 → annualised ≈ 4.16
 */
export function createTrialIrr(): {
  solve: (flows: Float64Array, months: number, hintRate?: number, hintValue?: number, hintTotal?: number) => number;
  reset: () => void;
} {
  const search = new TrialIrrSearch();
  return {
    // Bound, not wrapped: the kernel calls it once per trial.
    solve: search.solve.bind(search),
    reset: () => {
      search.previousRoot = 0;
    },
  };
}
