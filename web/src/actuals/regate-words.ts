import type { ActualsSeriesReport } from '../lib/api-types.ts';
import type { CaseFormat } from '../lib/format.ts';

/**
 * A list in words: "a", "a and b", "a, b and c".
 *
 * @example
 * inWords(['2027-05', '2027-06']) // '2027-05 and 2027-06'
 */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A series' name as a sentence's subject: a benefit line reads "Clerk-time benefit", a cost category "Integration cost".
 *
 * @example
 * seriesSubject({ label: 'Clerk-time', kind: 'benefit' }) // 'Clerk-time benefit'
 */
export function seriesSubject(series: { label: string; kind: string }): string {
  if (series.kind === 'benefit' && !/benefit/i.test(series.label)) return `${series.label} benefit`;
  if (series.kind === 'cost' && !/cost/i.test(series.label)) return `${series.label} cost`;
  return series.label;
}

/**
 * The re-gate flag of one series in words, or null when it is not flagged: whether the flagged
 * months fell below P10, above P90, or on both sides.
 *
 * @example
 * regateSentence(clerkTime) // 'Clerk-time benefit was below P10 in 2027-05 and 2027-06: re-gate'
 */
export function regateSentence(series: ActualsSeriesReport): string | null {
  if (!series.regate.flagged) return null;
  const months = series.regate.months;
  const sides = new Set<string>();
  for (const month of months) {
    const band = series.fan.find((m) => m.month === month);
    const actual = series.observations.find((o) => o.month === month);
    if (!band || !actual) continue;
    if (actual.value < band.p10) sides.add('below');
    else if (actual.value > band.p90) sides.add('above');
  }
  const where = sides.size === 1 ? (sides.has('below') ? 'below P10' : 'above P90') : 'outside P10–P90';
  return `${seriesSubject(series)} was ${where} in ${inWords(months)}: re-gate`;
}

/** Formats a value of a series by its unit: money, share, or the KPI's own unit. */
export function seriesValue(format: CaseFormat, unit: string): (value: number | null | undefined) => string {
  if (unit === format.currency || unit === 'currency' || unit === 'money') return (v) => format.money(v);
  if (unit === 'share' || unit === 'ratio') return (v) => format.percent(v);
  if (!unit) return (v) => format.value(v);
  return (v) => format.withUnit(v, unit);
}

/** A chart axis tick for a series' unit: compact money, a percentage or a short number. */
export function seriesTick(format: CaseFormat, unit: string): (value: number) => string {
  if (unit === format.currency || unit === 'currency' || unit === 'money') return (v) => format.moneyCompact(v);
  if (unit === 'share' || unit === 'ratio') return (v) => format.percent(v, 0);
  return (v) => format.value(v);
}

/**
 * A PIT value as a forecast percentile, "P12".
 *
 * @example
 * percentileLabel(0.123) // 'P12'
 */
export function percentileLabel(pit: number | null | undefined): string {
  if (pit === null || pit === undefined || Number.isNaN(pit)) return '—';
  return `P${Math.round(pit * 100)}`;
}
