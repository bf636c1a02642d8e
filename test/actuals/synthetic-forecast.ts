import { normalInv } from '../../models/math/normal-inv.ts';
import { fillUniforms, type RngState } from '../../models/rng/index.ts';

/**
 * A small forecast model with known distributions, for the simulation-based calibration test:
 * benefit per unit a ~ lognormal(ln 8, 0.06), base monthly volume V ~ lognormal(ln 1000, 0.1),
 * monthly growth g ~ N(1 %, 0.5 %), investment C ~ N(200,000, 10,000²) at month 0 and a running
 * cost of 2,000 a month. volume_t = V·(1 + g)^t and benefit_t = a·volume_t for t = 1…36; NPV
 * discounts the monthly net flows at 0.6 % a month.
 */
export const HORIZON = 36;
const MONTHLY_RATE = 0.006;
const RUNNING_COST = 2000;

/** Trials of the model, with the first `storedMonths` months of volume and benefit kept month-major. */
export interface SyntheticForecast {
  trials: number;
  storedMonths: number;
  volume: Float64Array;
  benefit: Float64Array;
  npv: Float64Array;
}

/** Draws `trials` trials from the model. */
export function drawForecast(state: RngState, trials: number, storedMonths: number): SyntheticForecast {
  const u = new Float64Array(4 * trials);
  fillUniforms(state, u, u.length);
  const volume = new Float64Array(storedMonths * trials);
  const benefit = new Float64Array(storedMonths * trials);
  const npv = new Float64Array(trials);
  for (let i = 0; i < trials; i++) {
    const a = Math.exp(Math.log(8) + 0.06 * normalInv(u[4 * i]));
    const base = Math.exp(Math.log(1000) + 0.1 * normalInv(u[4 * i + 1]));
    const growth = 0.01 + 0.005 * normalInv(u[4 * i + 2]);
    const investment = 200_000 + 10_000 * normalInv(u[4 * i + 3]);
    let value = -investment;
    let v = base;
    let discount = 1;
    for (let t = 1; t <= HORIZON; t++) {
      v *= 1 + growth;
      discount /= 1 + MONTHLY_RATE;
      value += (a * v - RUNNING_COST) * discount;
      if (t <= storedMonths) {
        volume[(t - 1) * trials + i] = v;
        benefit[(t - 1) * trials + i] = a * v;
      }
    }
    npv[i] = value;
  }
  return { trials, storedMonths, volume, benefit, npv };
}
