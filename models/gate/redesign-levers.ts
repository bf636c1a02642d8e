import type { GateFormat } from './gate-format.ts';

/** One tornado bar as the gate reads it (output = NPV). */
export interface GateTornadoBar {
  input: string;
  label: string;
  lowValue: number;
  highValue: number;
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

/** A one-at-a-time NPV tornado: the baseline NPV and its bars. */
export interface GateTornado {
  baselineOutput: number;
  bars: GateTornadoBar[];
}

/** A driver worth redesigning around. */
export interface Lever {
  input: string;
  label: string;
  /** The end of the input's range with the higher NPV. */
  favourableEnd: 'low' | 'high';
  favourableValue: number;
  npvAtFavourableEnd: number;
  swing: number;
  sentence: string;
}

/** Options of `redesignLevers`. */
export interface RedesignLeverOptions {
  /** Most levers to name. */
  max?: number;
}

const DEFAULT_LEVER_OPTIONS = { max: 3 } as const satisfies Required<RedesignLeverOptions>;

/**
 * The levers of a redesign, from the NPV tornado (bars by swing, largest first). When
 * the baseline NPV is not positive, the drivers whose favourable end alone turns NPV
 * positive: those are the assumptions a redesign must change. When the baseline is
 * already positive but the case is not safe enough, the largest drivers: narrowing or
 * shifting them raises P(NPV > 0). At most `max` (3), none with zero or undefined swing.
 *
 * @example
 * redesignLevers({ baselineOutput: -5000, bars: [{ input: 'adoption', label: 'Adoption', lowValue: 0.3,
 *   highValue: 0.9, outputAtLow: -20000, outputAtHigh: 8000, swing: 28000 }] }, gateFormat('EUR'))[0].favourableEnd
 * // 'high'
 */
export function redesignLevers(tornado: GateTornado, format: GateFormat, options: RedesignLeverOptions = {}): Lever[] {
  const { max } = { ...DEFAULT_LEVER_OPTIONS, ...options };
  const base = tornado.baselineOutput;
  const bars = tornado.bars.filter((bar) => bar.swing > 0).sort((a, b) => b.swing - a.swing);
  const chosen = base <= 0 ? bars.filter((bar) => Math.max(bar.outputAtLow, bar.outputAtHigh) > 0) : bars;
  return chosen.slice(0, max).map((bar) => {
    const favourableEnd = bar.outputAtHigh >= bar.outputAtLow ? 'high' : 'low';
    const favourableValue = favourableEnd === 'high' ? bar.highValue : bar.lowValue;
    const npvAtFavourableEnd = Math.max(bar.outputAtLow, bar.outputAtHigh);
    const sentence =
      base <= 0
        ? `${bar.label} at its ${favourableEnd} end (${format.value(favourableValue)}) alone lifts NPV from ${format.money(base)} to ${format.money(npvAtFavourableEnd)}`
        : `${bar.label} swings NPV by ${format.money(bar.swing)} across ${format.value(bar.lowValue)} to ${format.value(bar.highValue)}; ` +
          `securing its ${favourableEnd} end (${format.value(favourableValue)}) raises the chance of a positive NPV`;
    return { input: bar.input, label: bar.label, favourableEnd, favourableValue, npvAtFavourableEnd, swing: bar.swing, sentence };
  });
}
