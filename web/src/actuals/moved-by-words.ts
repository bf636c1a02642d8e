import type { ActualMove } from '../lib/api-types.ts';
import type { CaseFormat } from '../lib/format.ts';

/**
 * An actual that moved the re-run gate, in words: the series, the month, the value, and
 * what that actual alone did to P(NPV > 0) and the median NPV.
 *
 * @example
 * movedByWords({ series: 'benefit:clerk_time', month: '2027-05', value: 800, shiftInProbabilityPositive: -0.12, shiftInMedianNpv: -30000 }, () => 'Clerk-time', caseFormat('EUR'), () => '€800')
 * // 'Clerk-time, 2027-05 (actual €800): P(NPV > 0) -12.0 points, median NPV -€30,000'
 */
export function movedByWords(
  move: ActualMove,
  labelOf: (seriesId: string) => string,
  format: CaseFormat,
  formatSeriesValue: (seriesId: string, value: number) => string,
): string {
  const effects: string[] = [];
  if (typeof move.shiftInProbabilityPositive === 'number') {
    const points = move.shiftInProbabilityPositive * 100;
    effects.push(`P(NPV > 0) ${points < 0 ? '-' : '+'}${Math.abs(points).toFixed(1)} points`);
  }
  if (typeof move.shiftInMedianNpv === 'number') effects.push(`median NPV ${format.moneySigned(move.shiftInMedianNpv)}`);
  const value = typeof move.value === 'number' ? ` (actual ${formatSeriesValue(move.series, move.value)})` : '';
  return `${labelOf(move.series)}, ${move.month}${value}${effects.length ? `: ${effects.join(', ')}` : ''}`;
}
