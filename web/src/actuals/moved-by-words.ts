import type { ActualMove } from '../lib/api-types.ts';

/**
 * An actual that moved the re-run gate, in words: the series' label, the month, and the
 * server's own sentence or reason when it gives one.
 *
 * @example
 * movedByWords({ series: 'benefit:clerk_time', month: '2027-05', reason: 'below P10' }, () => 'Clerk time') // 'Clerk time, 2027-05: below P10'
 */
export function movedByWords(move: ActualMove, labelOf: (seriesId: string) => string): string {
  const detail = [move.sentence, move.reason, move.message, move.effect].find((entry): entry is string => typeof entry === 'string' && entry !== '');
  return `${labelOf(move.series)}, ${move.month}${detail ? `: ${detail}` : ''}`;
}
