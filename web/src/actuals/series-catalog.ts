import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '../../../models/case/cost-categories.ts';
import type { CaseDocument } from '../lib/api-types.ts';

/** The groups of the grid's columns, in the order a CFO reads them. */
export const SERIES_GROUPS = [
  ['metric', 'KPIs'],
  ['benefit', 'Benefits'],
  ['cost', 'Costs'],
  ['net', 'Net'],
  ['adoption', 'Adoption'],
  ['variable', 'Variables'],
] as const;

export type SeriesGroup = (typeof SERIES_GROUPS)[number][0];

/** One series that can be measured after launch: its id as the API names it, and how to show it. */
export interface ObservableSeries {
  id: string;
  label: string;
  /** The unit values are entered in: the currency code for money, 'share' for adoption. */
  unit: string;
  group: SeriesGroup;
}

/**
 * The observable series of a case (the actuals contract): each baseline KPI, each benefit
 * line, cost by category, net cash flow, adoption, and the variables the case marks observable.
 *
 * @example
 * observableSeries(document).map((s) => s.id) // ['metric:handle_time', 'benefit:clerk_time', 'cost:run', 'net', 'adoption']
 */
export function observableSeries(document: CaseDocument): ObservableSeries[] {
  const currency = document.currency;
  const series: ObservableSeries[] = [];
  for (const metric of document.baseline?.metrics ?? []) {
    series.push({ id: `metric:${metric.id}`, label: metric.label, unit: metric.unit, group: 'metric' });
  }
  for (const line of document.benefits ?? []) {
    series.push({ id: `benefit:${line.id}`, label: line.label, unit: currency, group: 'benefit' });
  }
  const categories = new Set((document.costs ?? []).map((line) => line.category));
  for (const category of COST_CATEGORIES) {
    if (categories.has(category)) series.push({ id: `cost:${category}`, label: COST_CATEGORY_LABELS[category], unit: currency, group: 'cost' });
  }
  series.push({ id: 'net', label: 'Net cash flow', unit: currency, group: 'net' });
  series.push({ id: 'adoption', label: 'Adoption', unit: 'share', group: 'adoption' });
  const observable = (document as { observableVariables?: unknown }).observableVariables;
  for (const name of Array.isArray(observable) ? observable : []) {
    if (typeof name === 'string') series.push({ id: `variable:${name}`, label: name, unit: '', group: 'variable' });
  }
  return series;
}

/** The group a series id belongs to (its prefix), for series the case no longer lists. */
export function groupOf(seriesId: string): SeriesGroup {
  const prefix = seriesId.split(':')[0];
  return (SERIES_GROUPS.find(([group]) => group === prefix)?.[0] ?? 'variable') as SeriesGroup;
}

/**
 * The calendar month `YYYY-MM` of month index `index` (1 = the start month).
 *
 * @example
 * monthOf('2027-01-15', 3) // '2027-03'
 */
export function monthOf(startDate: string, index: number): string {
  const year = Number(startDate.slice(0, 4));
  const month = Number(startDate.slice(5, 7)) - 1 + (index - 1);
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The month index of a calendar month `YYYY-MM` (1 = the start month; 0 or less before it).
 *
 * @example
 * monthIndexOf('2027-01-01', '2027-03') // 3
 */
export function monthIndexOf(startDate: string, month: string): number {
  const start = Number(startDate.slice(0, 4)) * 12 + Number(startDate.slice(5, 7));
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - start + 1;
}

/**
 * The grid's months: from the start month up to today's month (the API takes no actual of a
 * future month), never beyond the horizon, and always as far as the latest month that already has an actual.
 *
 * @example
 * gridMonths({ startDate: '2026-01-01', horizonMonths: 36, today: '2026-03-10', latest: null }) // ['2026-01', '2026-02', '2026-03']
 */
export function gridMonths(options: { startDate: string; horizonMonths: number; today: string; latest: string | null }): string[] {
  const elapsed = monthIndexOf(options.startDate, options.today.slice(0, 7));
  const stored = options.latest ? monthIndexOf(options.startDate, options.latest) : 0;
  const count = Math.min(options.horizonMonths, Math.max(elapsed, stored, 0));
  return Array.from({ length: Math.max(0, count) }, (_, i) => monthOf(options.startDate, i + 1));
}
