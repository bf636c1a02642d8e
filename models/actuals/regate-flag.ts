/** One month of a series: the actual and the forecast's band for that month (P10 and P90 by default). */
export interface BandedObservation {
  /** Month number (1 = first month of the model); consecutive months differ by 1. */
  month: number;
  value: number;
  lower: number;
  upper: number;
}

/** The re-gate rule: how many consecutive months outside the band raise the flag. */
export interface RegateRule {
  /** Default 2. */
  consecutiveMonths?: number;
}

/** A run of consecutive months outside the band. */
export interface OutsideRun {
  /** First and last month of the run. */
  from: number;
  to: number;
  /** Which side of the band each month of the run fell on, in order. */
  sides: Array<'below' | 'above'>;
}

/** Result of `regateFlag`. */
export interface RegateFlag {
  /** True when some run of months outside the band is at least `consecutiveMonths` long. */
  flagged: boolean;
  consecutiveMonths: number;
  /** Every month that belongs to such a run, ascending. */
  months: number[];
  /** The runs that reached the rule's length. */
  runs: OutsideRun[];
}

/**
 * Re-gate flag for one series: true when its actuals fell outside the forecast's band
 * (P10–P90 by default: pass those percentiles as `lower`/`upper`) in k consecutive
 * months, k = `rule.consecutiveMonths` (default 2). A month counts as outside below
 * `lower` or above `upper`; one month below and the next above also form a run (the
 * forecast missed both times). A missing month (a gap in `month`, or a NaN value) breaks a
 * run. Observations are sorted by month first; two for the same month are a RangeError.
 *
 * @example
 * regateFlag([
 *   { month: 1, value: 5, lower: 4, upper: 8 },
 *   { month: 2, value: 3, lower: 4, upper: 8 },
 *   { month: 3, value: 2, lower: 4, upper: 8 },
 * ]);
 * // { flagged: true, consecutiveMonths: 2, months: [2, 3], runs: [{ from: 2, to: 3, sides: ['below', 'below'] }] }
 */
export function regateFlag(observations: readonly BandedObservation[], rule: RegateRule = {}): RegateFlag {
  const k = rule.consecutiveMonths ?? 2;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`regateFlag: consecutiveMonths must be a whole number of at least 1, got ${k}`);
  const sorted = [...observations].sort((a, b) => a.month - b.month);
  const runs: OutsideRun[] = [];
  let current: OutsideRun | null = null;
  let previousMonth = Number.NaN;
  const close = (): void => {
    if (current && current.sides.length >= k) runs.push(current);
    current = null;
  };
  for (const o of sorted) {
    if (o.month === previousMonth) throw new RangeError(`regateFlag: two observations for month ${o.month}`);
    if (o.month !== previousMonth + 1) close();
    previousMonth = o.month;
    const side = o.value < o.lower ? 'below' : o.value > o.upper ? 'above' : null;
    if (side === null) {
      close();
      continue;
    }
    if (current) {
      current.to = o.month;
      current.sides.push(side);
    } else current = { from: o.month, to: o.month, sides: [side] };
  }
  close();
  const months = runs.flatMap((r) => r.sides.map((_, i) => r.from + i));
  return { flagged: runs.length > 0, consecutiveMonths: k, months, runs };
}
