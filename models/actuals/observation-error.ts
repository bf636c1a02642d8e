/**
 * How an actual relates to the true monthly value it measures.
 * - `lognormal`: y = x·ε with ln ε ~ N(−s²/2, s²), s² = ln(1 + relativeSd²), so the measurement
 *   is unbiased (E[y | x] = x) with standard deviation relativeSd·x. For positive series.
 * - `normal`: y = x + e with e ~ N(0, sd²), in the series' units.
 */
export type ObservationError = { kind: 'lognormal'; relativeSd: number } | { kind: 'normal'; sd: number };

/** The default relative error of a measurement: 5 %. */
export const DEFAULT_RELATIVE_SD = 0.05;

/**
 * The default error model of a series: lognormal with 5 % relative sd when every forecast
 * value of the series and every actual of it is positive; otherwise normal with sd 5 % of the
 * forecast's mean absolute value over the stored trials and months (1 if that is 0). The
 * result states the sd it chose, so a report can show it.
 *
 * @example
 * defaultObservationError(new Float64Array([100, 120]), [110]); // { kind: 'lognormal', relativeSd: 0.05 }
 * defaultObservationError(new Float64Array([-100, 300]), [50]); // { kind: 'normal', sd: 10 }
 */
export function defaultObservationError(forecastValues: Float64Array | Float32Array, actuals: readonly number[]): ObservationError {
  let positive = actuals.every((y) => y > 0);
  let absSum = 0;
  for (let i = 0; i < forecastValues.length; i++) {
    const x = forecastValues[i];
    if (!(x > 0)) positive = false;
    if (x === x) absSum += Math.abs(x);
  }
  if (positive) return { kind: 'lognormal', relativeSd: DEFAULT_RELATIVE_SD };
  const scale = forecastValues.length > 0 ? absSum / forecastValues.length : 0;
  return { kind: 'normal', sd: scale > 0 && Number.isFinite(scale) ? DEFAULT_RELATIVE_SD * scale : 1 };
}

/**
 * Checks an error model's parameter and returns a message naming it, or null when valid.
 *
 * @example
 * observationErrorProblem({ kind: 'normal', sd: 0 }); // 'the normal error sd must be a positive number, got 0'
 */
export function observationErrorProblem(model: ObservationError): string | null {
  if (model.kind === 'lognormal') {
    return model.relativeSd > 0 && Number.isFinite(model.relativeSd) ? null : `the relative sd must be a positive number, got ${model.relativeSd}`;
  }
  return model.sd > 0 && Number.isFinite(model.sd) ? null : `the normal error sd must be a positive number, got ${model.sd}`;
}
