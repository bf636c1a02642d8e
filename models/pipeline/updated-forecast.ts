import { type Actual, conditionOnActuals, type ObservableSeries } from '../actuals/condition-on-actuals.ts';
import type { ObservationError } from '../actuals/observation-error.ts';
import { weightedMean } from '../actuals/weighted-mean.ts';
import { ascendingOrder, weightedQuantiles } from '../actuals/weighted-quantiles.ts';
import { weightedShareAbove } from '../actuals/weighted-share-above.ts';
import type { NpvFigures, UpdatedForecast } from '../contract/resources.ts';
import type { SeriesCapture } from './capture-series.ts';

/** Below this effective sample size the updated forecast rests on too few trials. */
export const LOW_ESS = 500;

/** An actual placed on the model's months, for conditioning. */
export interface PlacedActual extends Actual {
  /** YYYY-MM, to name it. */
  label: string;
}

/**
 * NPV figures of the stored trials under weights: P5, P50, P95 (weighted, Hazen), mean and P(NPV > 0).
 *
 * @example
 * npvFigures(capture.npv, uniform, order).pPositive
 */
export function npvFigures(npv: Float64Array, weights: Float64Array, order: Uint32Array): NpvFigures {
  const [p5, p50, p95] = weightedQuantiles(npv, weights, [0.05, 0.5, 0.95], order);
  return { p5, p50, p95, mean: weightedMean(npv, weights).mean, pPositive: weightedShareAbove(npv, weights, 0).share };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The observable series of a capture, with the case's error model where it sets one. */
export function conditioningSeries(capture: SeriesCapture, errors: Record<string, ObservationError> = {}): ObservableSeries[] {
  return [...capture.values].map(([name, values]) => ({ name, months: capture.months, values, ...(errors[name] ? { error: errors[name] } : {}) }));
}

/**
 * The forecast updated by actuals: importance weights on the stored trials (`conditionOnActuals`),
 * the NPV figures and median payback beside the original ones, and the effective sample size with
 * a plain message when it is below 500 (offer a larger run) or when no trial fits the actuals.
 *
 * @example
 * const { forecast, weights } = updateForecast(capture, actuals, {}, 1234);
 * forecast.npv.updated?.pPositive
 */
export function updateForecast(
  capture: SeriesCapture,
  actuals: readonly PlacedActual[],
  errors: Record<string, ObservationError>,
  realisedToDate: number | null,
): { forecast: UpdatedForecast; weights: Float64Array | null } {
  const n = capture.trials;
  const uniform = new Float64Array(n).fill(1 / n);
  const order = ascendingOrder(capture.npv);
  const paybackOrder = ascendingOrder(capture.paybackMonth);
  const original = npvFigures(capture.npv, uniform, order);
  const paybackOriginal = finiteOrNull(weightedQuantiles(capture.paybackMonth, uniform, [0.5], paybackOrder)[0]);
  if (actuals.length === 0) {
    const forecast = {
      npv: { original, updated: null },
      paybackMonth: { original: paybackOriginal, updated: null },
      realisedToDate,
      effectiveSampleSize: null,
      storedTrials: n,
      lowEss: false,
      message: 'No actuals with a forecast yet: the forecast is as run.',
      errors: {},
    };
    return { forecast, weights: null };
  }
  try {
    const conditioned = conditionOnActuals({ trials: n, series: conditioningSeries(capture, errors), actuals });
    const ess = conditioned.effectiveSampleSize;
    const lowEss = ess < LOW_ESS;
    const message = lowEss
      ? `The update rests on an effective ${Math.round(ess)} of ${n} trials (fewer than ${LOW_ESS}): the actuals are far from most simulated trials. Run the forecast again with more trials (up to ${n < 20_480 ? '20,480' : n.toLocaleString('en-GB')}) or check the observation error.`
      : `Updated on ${actuals.length} actual${actuals.length === 1 ? '' : 's'}; an effective ${Math.round(ess)} of ${n} trials carry the update.`;
    const forecast: UpdatedForecast = {
      npv: { original, updated: npvFigures(capture.npv, conditioned.weights, order) },
      paybackMonth: {
        original: paybackOriginal,
        updated: finiteOrNull(weightedQuantiles(capture.paybackMonth, conditioned.weights, [0.5], paybackOrder)[0]),
      },
      realisedToDate,
      effectiveSampleSize: ess,
      storedTrials: n,
      lowEss,
      message,
      errors: conditioned.errors,
    };
    return { forecast, weights: conditioned.weights };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const forecast: UpdatedForecast = {
      npv: { original, updated: null },
      paybackMonth: { original: paybackOriginal, updated: null },
      realisedToDate,
      effectiveSampleSize: 0,
      storedTrials: n,
      lowEss: true,
      message: `The forecast could not be updated: ${error.message}. Check the actuals, or run the forecast with more trials.`,
      errors: {},
    };
    return { forecast, weights: null };
  }
}
