import { findBreakEven, type BreakEvenValue } from './find-break-even.ts';

/** Break-even of one input. */
export type BreakEven = { index: number; name: string } & BreakEvenValue;

/** Options for `breakEven`. */
export interface BreakEvenOptions {
  /** Lower end of the search range of each input. */
  low: Float64Array;
  /** Upper end of the search range of each input. */
  high: Float64Array;
  /**
   * The quantity that should cross zero as input `index` takes value `x`, e.g. mean NPV
   * with that input fixed at x and the others fixed (or still random: the caller decides).
   */
  g: (index: number, x: number) => number;
  /** Preferred point per input (e.g. the baseline): the crossing nearest to it is reported. */
  baseline?: Float64Array;
  /** Input names; default x1, x2, … */
  names?: readonly string[];
  /** Grid intervals scanned per input (default 64). */
  gridIntervals?: number;
}

/**
 * Break-even value of every input: where g(i, x) crosses zero for x in [low_i, high_i]
 * (see `findBreakEven`), e.g. "NPV turns negative if adoption falls below 23%".
 * Inputs whose g keeps one sign get `{ value: null, reason: 'no crossing within range' }`.
 *
 * @example
 * breakEven({
 *   low: new Float64Array([0, 0]), high: new Float64Array([1, 1]),
 *   g: (i, x) => (i === 0 ? x - 0.25 : 1 + x),
 * }); // [{ index: 0, name: 'x1', value: 0.25, crossings: 1 }, { index: 1, name: 'x2', value: null, reason: 'no crossing within range' }]
 */
export function breakEven(options: BreakEvenOptions): BreakEven[] {
  const { low, high, g, baseline } = options;
  const k = low.length;
  if (high.length !== k || (baseline && baseline.length !== k)) throw new RangeError(`breakEven: low, high and baseline must have length ${k}`);
  const result: BreakEven[] = [];
  for (let i = 0; i < k; i++) {
    const found = findBreakEven((x) => g(i, x), low[i], high[i], {
      gridIntervals: options.gridIntervals,
      near: baseline?.[i],
    });
    result.push({ index: i, name: options.names?.[i] ?? `x${i + 1}`, ...found });
  }
  return result;
}
