/** One line of a spider chart. */
export interface SpiderSeries {
  index: number;
  name: string;
  /** Input value at each percentile (inv(p)). */
  values: Float64Array;
  /** Output at each percentile with all other inputs at the baseline. */
  outputs: Float64Array;
  /** max(outputs) − min(outputs). */
  range: number;
}

/** Result of `spider`. */
export interface Spider {
  percentiles: Float64Array;
  baselineOutput: number;
  /** One series per input, in input order. */
  series: SpiderSeries[];
}

/** Options for `spider`. */
export interface SpiderOptions {
  /** Baseline point (e.g. medians), one entry per input. */
  baseline: Float64Array;
  /** Inverse CDF of each input. */
  inv: readonly ((p: number) => number)[];
  /** Deterministic model at one point. It may read but must not keep the array. */
  evaluate: (point: Float64Array) => number;
  /** Probabilities in (0, 1); default 0.05, 0.10, …, 0.95. */
  percentiles?: ArrayLike<number>;
  /** Input names; default x1, x2, … */
  names?: readonly string[];
}

/**
 * Spider chart data: for each input, the output as that input moves through its
 * percentiles (others at baseline). Lines that are steep or curved show inputs that
 * matter and non-linear responses. Runs the model k·(number of percentiles) + 1 times.
 * Given `from` and `to`, only inputs [from, to) get a series: slices computed apart and
 * put in input order equal the whole.
 *
 * @example
 * spider({ baseline: new Float64Array([0.5]), inv: [(p) => 100 * p], evaluate: (x) => 2 * x[0] })
 *   .series[0].outputs; // [10, 20, …, 190]
 */
export function spider(options: SpiderOptions, from = 0, to = options.baseline.length): Spider {
  const { baseline, inv, evaluate } = options;
  const k = baseline.length;
  if (inv.length !== k) throw new RangeError(`spider: need ${k} inverse CDFs, got ${inv.length}`);
  const percentiles = new Float64Array(options.percentiles ?? Array.from({ length: 19 }, (_, i) => (5 * (i + 1)) / 100));
  for (const p of percentiles) if (!(p > 0 && p < 1)) throw new RangeError(`spider: percentiles must be in (0, 1), got ${p}`);
  const point = new Float64Array(baseline);
  const baselineOutput = evaluate(point);
  const series: SpiderSeries[] = [];
  for (let i = from; i < to; i++) {
    const values = new Float64Array(percentiles.length);
    const outputs = new Float64Array(percentiles.length);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    point.set(baseline);
    for (let q = 0; q < percentiles.length; q++) {
      values[q] = inv[i](percentiles[q]);
      point[i] = values[q];
      const y = evaluate(point);
      outputs[q] = y;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    series.push({ index: i, name: options.names?.[i] ?? `x${i + 1}`, values, outputs, range: max >= min ? max - min : Number.NaN });
  }
  return { percentiles, baselineOutput, series };
}
