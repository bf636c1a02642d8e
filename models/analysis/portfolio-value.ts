import type { BusinessCase } from '../case/case-schema.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { simulate } from '../engine/simulate.ts';
import { quantiles } from '../stats/quantiles.ts';

/** The value distribution of a set of cases in one currency. */
export interface PortfolioValue {
  currency: string;
  cases: number;
  trials: number;
  /** Calendar months (YYYY-MM) from the earliest start to the latest end. */
  months: string[];
  /** Percentiles of the total cumulative net cash flow per calendar month. */
  p10: number[];
  p50: number[];
  p90: number[];
  /** Percentiles of the sum of the cases' NPVs (each discounted to its own start date). */
  totalNpv: { mean: number; p10: number; p50: number; p90: number };
}

/**
 * Rolls cases up into one value distribution per currency. Every case is simulated
 * with the same seed, so inputs that share a name across cases (shared drivers such
 * as a loaded hourly cost) share their draws; other inputs are independent. Monthly
 * cumulative cash flows are aligned by calendar month using each case's start date.
 *
 * @example
 * portfolioValue([{ case: bc, model }], { trials: 2000, seed: 1 })
 */
export function portfolioValue(cases: { case: BusinessCase; model: CompiledModel }[], settings: { trials: number; seed: number }): PortfolioValue[] {
  const byCurrency = new Map<string, typeof cases>();
  for (const entry of cases) byCurrency.set(entry.case.currency, [...(byCurrency.get(entry.case.currency) ?? []), entry]);
  const results: PortfolioValue[] = [];
  for (const [currency, group] of byCurrency) {
    const starts = group.map((entry) => monthIndex(entry.case.startDate));
    const first = Math.min(...starts);
    const last = Math.max(...group.map((entry, index) => starts[index] + entry.case.horizonMonths - 1));
    const span = last - first + 1;
    const n = settings.trials;
    const totals = new Float64Array(n * span);
    const npv = new Float64Array(n);
    group.forEach((entry, index) => {
      const result = simulate(entry.model, { trials: n, seed: settings.seed, fanTrials: n });
      const offset = starts[index] - first;
      const H = entry.case.horizonMonths;
      for (let t = 0; t < n; t++) {
        npv[t] += result.outputs.npv[t];
        for (let m = 0; m < span; m++) {
          const own = m - offset;
          // Before its start a case adds nothing; after its horizon its cumulative total stays.
          const value = own < 0 ? 0 : result.fan.values[t * H + Math.min(own, H - 1)];
          totals[t * span + m] += value;
        }
      }
    });
    const column = new Float64Array(n);
    const p10: number[] = [];
    const p50: number[] = [];
    const p90: number[] = [];
    for (let m = 0; m < span; m++) {
      for (let t = 0; t < n; t++) column[t] = totals[t * span + m];
      const [a, b, c] = quantiles(column, [0.1, 0.5, 0.9]);
      p10.push(a);
      p50.push(b);
      p90.push(c);
    }
    const [n10, n50, n90] = quantiles(npv, [0.1, 0.5, 0.9]);
    let sum = 0;
    for (let t = 0; t < n; t++) sum += npv[t];
    results.push({
      currency,
      cases: group.length,
      trials: n,
      months: Array.from({ length: span }, (_, m) => monthLabel(first + m)),
      p10,
      p50,
      p90,
      totalNpv: { mean: sum / n, p10: n10, p50: n50, p90: n90 },
    });
  }
  return results;
}

function monthIndex(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number);
  return year * 12 + (month - 1);
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
