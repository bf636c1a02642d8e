import type { VoiRow } from '../analysis/value-of-information.ts';
import type { GateFormat } from './gate-format.ts';

/** One input's value of information, as ranked by the VOI analysis. */
export type VoiRankingEntry = VoiRow;

/** An input worth measuring before deciding. */
export interface MeasureNextEntry extends VoiRankingEntry {
  /** EVPPI is within the z-standard-error noise band: it may be worth nothing. */
  withinNoise: boolean;
  sentence: string;
}

/**
 * The measurements worth making before deciding: inputs whose net value of information
 * is positive, or, where the measurement cost is unknown, whose EVPPI is positive.
 * Sorted by EVPPI, largest first (its cost decides only whether it makes the list).
 *
 * @example
 * measureNext([{ input: 'adoption', label: 'Adoption', evppi: 40000, standardError: 2000,
 *   measurementCost: 15000, netValue: 25000 }], gateFormat('EUR'), 2)[0].sentence
 * // 'Measuring Adoption before deciding is worth up to €40,000; it costs €15,000.'
 */
export function measureNext(ranking: readonly VoiRankingEntry[], format: GateFormat, z: number, limit = MEASURE_NEXT_LIMIT): MeasureNextEntry[] {
  const worth = (entry: VoiRankingEntry): number | null =>
    entry.netValue ?? (entry.measurementCost === null ? entry.evppi : entry.evppi - entry.measurementCost);
  // Where the cost is unknown, an EVPPI indistinguishable from zero is no reason to measure.
  // At least one currency unit too: a value of 1e-10 with a zero standard error is rounding noise.
  const distinguishable = (entry: VoiRankingEntry): boolean =>
    entry.measurementCost !== null || entry.evppi >= Math.max(z * entry.standardError, MINIMUM_WORTH);
  return (
    ranking
      .filter((entry) => (worth(entry) ?? 0) > 0 && distinguishable(entry))
      // Ranked by the value of the information itself; a known cost only decides whether it is worth buying.
      .sort((a, b) => b.evppi - a.evppi)
      .map((entry) => {
        const withinNoise = entry.evppi < z * entry.standardError;
        const cost = entry.measurementCost === null ? 'its measurement cost is not estimated' : `it costs ${format.money(entry.measurementCost)}`;
        const noise = withinNoise ? ` (within Monte Carlo noise: SE ${format.money(entry.standardError)})` : '';
        return {
          ...entry,
          withinNoise,
          sentence: `Measuring ${entry.label} before deciding is worth up to ${format.money(entry.evppi)}${noise}; ${cost}.`,
        };
      })
      .slice(0, limit)
  );
}

/** Below one unit of the case currency a value of information is not worth a line. */
const MINIMUM_WORTH = 1;

/** The gate lists at most this many measurements: the board needs the few that matter. */
export const MEASURE_NEXT_LIMIT = 5;
