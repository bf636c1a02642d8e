/** One bar of a tornado chart. */
export interface TornadoBar {
  /** Position of the input in the baseline vector. */
  index: number;
  name: string;
  /** Input value at the low and high end. */
  low: number;
  high: number;
  /** Output with this input at `low` / `high` and all others at the baseline. */
  outputLow: number;
  outputHigh: number;
  /** |outputHigh − outputLow|. */
  swing: number;
}

/** Result of `tornado`. */
export interface Tornado {
  /** Output with every input at its baseline. */
  baselineOutput: number;
  /** Bars by swing, largest first (ties keep input order; NaN swings last). */
  bars: TornadoBar[];
}

/** Options for `tornado`. */
export interface TornadoOptions {
  /** Baseline point (e.g. medians), one entry per input. */
  baseline: Float64Array;
  /** Low value of each input (e.g. its 10th percentile). */
  low: Float64Array;
  /** High value of each input (e.g. its 90th percentile). */
  high: Float64Array;
  /** Deterministic model at one point. It may read but must not keep the array. */
  evaluate: (point: Float64Array) => number;
  /** Input names; default x1, x2, … */
  names?: readonly string[];
}

/**
 * One-at-a-time tornado: for each input, the output with that input at its low and
 * its high value while every other input stays at the baseline, sorted by swing.
 * Runs the model 2k + 1 times, reusing one point buffer.
 *
 * @example
 * tornado({
 *   baseline: new Float64Array([1, 1]), low: new Float64Array([0, 0]), high: new Float64Array([2, 2]),
 *   evaluate: (x) => x[0] + 5 * x[1], names: ['a', 'b'],
 * }).bars.map((b) => [b.name, b.swing]); // [['b', 10], ['a', 2]]
 */
export function tornado(options: TornadoOptions): Tornado {
  const { baselineOutput, bars } = tornadoBars(options, 0, options.baseline.length);
  return { baselineOutput, bars: sortTornadoBars(bars) };
}

/**
 * The baseline output and the bars of inputs [from, to), in input order: one slice of a
 * tornado, so that slices computed apart (on other machines) and put in input order then
 * sorted by `sortTornadoBars` equal `tornado` itself.
 *
 * @example
 * sortTornadoBars([...tornadoBars(options, 0, 2).bars, ...tornadoBars(options, 2, 4).bars]);
 */
export function tornadoBars(options: TornadoOptions, from: number, to: number): Tornado {
  const { baseline, low, high, evaluate } = options;
  const k = baseline.length;
  if (low.length !== k || high.length !== k) throw new RangeError(`tornado: low/high must have length ${k}`);
  const point = new Float64Array(baseline);
  const baselineOutput = evaluate(point);
  const bars: TornadoBar[] = [];
  for (let i = from; i < to; i++) {
    point.set(baseline);
    point[i] = low[i];
    const outputLow = evaluate(point);
    point.set(baseline);
    point[i] = high[i];
    const outputHigh = evaluate(point);
    bars.push({
      index: i,
      name: options.names?.[i] ?? `x${i + 1}`,
      low: low[i],
      high: high[i],
      outputLow,
      outputHigh,
      swing: Math.abs(outputHigh - outputLow),
    });
  }
  return { baselineOutput, bars };
}

/**
 * Bars by swing, largest first; ties keep input order; NaN swings last.
 *
 * @example
 * sortTornadoBars(bars)[0].name // the input that moves the output most
 */
export function sortTornadoBars(bars: TornadoBar[]): TornadoBar[] {
  return bars.sort((a, b) => {
    const sa = Number.isNaN(a.swing) ? -1 : a.swing;
    const sb = Number.isNaN(b.swing) ? -1 : b.swing;
    return sb - sa || a.index - b.index;
  });
}
