import type { BusinessCase } from '../case/case-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '../case/cost-categories.ts';

/** What kind of monthly series a series id names. */
export type SeriesKind = 'metric' | 'benefit' | 'cost' | 'net' | 'adoption' | 'variable';

/** A series of the case that can be measured after launch. */
export interface ObservableSeriesInfo {
  /** `metric:<id>`, `benefit:<lineId>`, `cost:<category>`, `net`, `adoption` or `variable:<name>`. */
  id: string;
  label: string;
  unit: string;
  kind: SeriesKind;
  /**
   * The lines of a derived case whose monthly net cash flow is this series (negated for costs),
   * or null when the model has no forecast of it (a baseline metric not mapped to an input in its unit).
   */
  derived: { benefits: unknown[]; costs: unknown[]; negate: boolean } | null;
}

const sameUnit = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** A benefit line whose monthly value is `amount`, neither realised nor adopted. */
const plainLine = (amount: string | number, scaleByAdoption = false) => ({ id: 'series', label: 'series', amount, realization: 1, scaleByAdoption });

/**
 * Every series the case can be measured by after launch, in a fixed order: baseline
 * metrics, benefit lines, cost categories with lines, net cash flow, adoption, then the
 * variables listed in `observableVariables` (names that are not variables are left out).
 * A baseline metric has a forecast when the value hypothesis maps it to an input in the
 * same unit: its monthly forecast is that input's value.
 *
 * @example
 * listObservableSeries(bc).map((s) => s.id) // ['metric:minutesPerDoc', 'benefit:clerkTime', …, 'net', 'adoption']
 */
export function listObservableSeries(bc: BusinessCase): ObservableSeriesInfo[] {
  const list: ObservableSeriesInfo[] = [];
  for (const metric of bc.baseline?.metrics ?? []) {
    const change = bc.valueHypothesis?.expectedChanges.find((c) => c.metric === metric.id && c.input && Object.hasOwn(bc.inputs, c.input));
    const input = change?.input ? bc.inputs[change.input] : undefined;
    const derived = change?.input && input && sameUnit(input.unit, metric.unit) ? { benefits: [plainLine(change.input)], costs: [], negate: false } : null;
    list.push({ id: `metric:${metric.id}`, label: metric.label, unit: metric.unit, kind: 'metric', derived });
  }
  for (const line of bc.benefits) {
    list.push({ id: `benefit:${line.id}`, label: line.label, unit: bc.currency, kind: 'benefit', derived: { benefits: [line], costs: [], negate: false } });
  }
  for (const category of COST_CATEGORIES) {
    const costs = bc.costs.filter((line) => line.category === category);
    if (costs.length === 0) continue;
    const derived = { benefits: [plainLine(0)], costs, negate: true };
    list.push({ id: `cost:${category}`, label: `Cost: ${COST_CATEGORY_LABELS[category]}`, unit: bc.currency, kind: 'cost', derived });
  }
  list.push({ id: 'net', label: 'Net cash flow', unit: bc.currency, kind: 'net', derived: { benefits: bc.benefits, costs: bc.costs, negate: false } });
  list.push({ id: 'adoption', label: 'Adoption', unit: 'share', kind: 'adoption', derived: { benefits: [plainLine(1, true)], costs: [], negate: false } });
  for (const name of bc.observableVariables ?? []) {
    if (!Object.hasOwn(bc.variables ?? {}, name)) continue;
    list.push({ id: `variable:${name}`, label: name, unit: '', kind: 'variable', derived: { benefits: [plainLine(name)], costs: [], negate: false } });
  }
  return list;
}

/**
 * A case whose monthly net cash flow is the series: the case's inputs, correlations,
 * variables and adoption (so every trial draws the same inputs), with only the series'
 * lines. Pilot, variants, metrics and rules are left out: they change no input draw.
 *
 * @example
 * const doc = seriesCaseDocument(bc, listObservableSeries(bc)[0]);
 */
export function seriesCaseDocument(bc: BusinessCase, series: ObservableSeriesInfo): Record<string, unknown> {
  if (!series.derived) throw new RangeError(`series "${series.id}" has no forecast in the model`);
  return {
    formatVersion: 1,
    name: `${bc.name}: ${series.label}`,
    ownership: { sponsor: bc.ownership.sponsor },
    currency: bc.currency,
    startDate: bc.startDate,
    horizonMonths: bc.horizonMonths,
    discountRateAnnual: bc.discountRateAnnual,
    inputs: bc.inputs,
    ...(bc.correlations ? { correlations: bc.correlations } : {}),
    ...(bc.variables ? { variables: bc.variables } : {}),
    adoption: bc.adoption,
    benefits: series.derived.benefits,
    costs: series.derived.costs,
  };
}
