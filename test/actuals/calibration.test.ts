import { describe, expect, it } from 'vitest';
import { type Actual, ascendingOrder, conditionOnActuals, type ObservationError, weightedQuantiles } from '../../models/actuals/index.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { nextUniform, type RngState, streamState } from '../../models/rng/index.ts';
import { quantileSorted } from '../../models/stats/quantile-sorted.ts';
import { drawForecast, type SyntheticForecast } from './synthetic-forecast.ts';

/*
 * Simulation-based calibration (issue #17, item 4): draw a true trial from the forecast model,
 * measure its volume and benefit in months 1–6 with 5 % lognormal error, condition the forecast's
 * trials on those actuals, and check that the updated 90 % interval of NPV (weighted P5–P95)
 * covers the true NPV in 88–92 % of the replications. A new forecast of 20,000 trials is drawn
 * every 50 replications, so the check does not rest on one forecast's sampling error.
 */
const SEED = 20261207;
const TRIALS = 20_000;
const MONTHS = 6;
const ENSEMBLE_EVERY = 50;
const RELATIVE_SD = 0.05;

interface Calibration {
  coverage: number;
  below: number;
  above: number;
  medianEss: number;
  /** Mean over replications of (updated P95 − P5) / (forecast P95 − P5). */
  widthRatio: number;
}

/** Actuals for months 1…MONTHS of one true trial: x·exp(−s²/2 + s·z), s² = ln(1 + 0.05²), so E[y] = x and sd(y) = 5 % of x. */
function noisyActuals(truth: SyntheticForecast, noise: RngState): Actual[] {
  const s2 = Math.log1p(RELATIVE_SD * RELATIVE_SD);
  const actuals: Actual[] = [];
  for (let month = 1; month <= MONTHS; month++) {
    for (const [series, column] of [
      ['volume', truth.volume],
      ['benefit', truth.benefit],
    ] as const) {
      const value = column[month - 1] * Math.exp(-s2 / 2 + Math.sqrt(s2) * normalInv(nextUniform(noise)));
      actuals.push({ series, month, value });
    }
  }
  return actuals;
}

/** P95 − P5 of the forecast before any actuals. */
function intervalWidth(values: Float64Array, order: Uint32Array): number {
  const sorted = Float64Array.from(order, (i) => values[i]);
  return quantileSorted(sorted, 0.95) - quantileSorted(sorted, 0.05);
}

function runCalibration(replications: number, error?: ObservationError): Calibration {
  const truthState = streamState(SEED, 0, 1);
  const noise = streamState(SEED, 0, 2);
  let forecast = drawForecast(streamState(SEED, 1, 3), TRIALS, MONTHS);
  let order = ascendingOrder(forecast.npv);
  let forecastWidth = intervalWidth(forecast.npv, order);
  let covered = 0;
  let below = 0;
  let widthRatio = 0;
  const esses: number[] = [];
  for (let r = 0; r < replications; r++) {
    if (r > 0 && r % ENSEMBLE_EVERY === 0) {
      forecast = drawForecast(streamState(SEED, 1 + r / ENSEMBLE_EVERY, 3), TRIALS, MONTHS);
      order = ascendingOrder(forecast.npv);
      forecastWidth = intervalWidth(forecast.npv, order);
    }
    const truth = drawForecast(truthState, 1, MONTHS);
    const conditioning = conditionOnActuals({
      trials: TRIALS,
      series: [
        { name: 'volume', months: MONTHS, values: forecast.volume, error },
        { name: 'benefit', months: MONTHS, values: forecast.benefit, error },
      ],
      actuals: noisyActuals(truth, noise),
    });
    esses.push(conditioning.effectiveSampleSize);
    const [lower, upper] = weightedQuantiles(forecast.npv, conditioning.weights, [0.05, 0.95], order);
    widthRatio += (upper - lower) / forecastWidth / replications;
    const npv = truth.npv[0];
    if (npv < lower) below++;
    else if (npv <= upper) covered++;
  }
  esses.sort((a, b) => a - b);
  return { coverage: covered / replications, below, above: replications - covered - below, medianEss: esses[esses.length >> 1], widthRatio };
}

describe('conditionOnActuals: simulation-based calibration', () => {
  it('covers the true NPV with the updated 90 % interval in 88–92 % of 400 replications', () => {
    const result = runCalibration(400);
    expect(result.coverage).toBeGreaterThanOrEqual(0.88);
    expect(result.coverage).toBeLessThanOrEqual(0.92);
    // The actuals inform the forecast (the interval narrows), with enough trials left to say so.
    expect(result.widthRatio).toBeLessThan(0.7);
    expect(result.medianEss).toBeGreaterThan(500);
  });

  it('has the power to see a wrong error model: claiming 1 % measurement error when it is 5 % under-covers', () => {
    const result = runCalibration(50, { kind: 'lognormal', relativeSd: 0.01 });
    expect(result.coverage).toBeLessThan(0.75);
  });
});
