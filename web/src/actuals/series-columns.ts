import type { ActualsReport } from '../lib/api-types.ts';
import { groupOf, type ObservableSeries } from './series-catalog.ts';

/**
 * The grid's columns: the case's observable series, with the report's labels and units
 * where the stored run has them, and any series the report has that the case no longer lists.
 *
 * @example
 * seriesColumns(observableSeries(document), report).map((s) => s.id)
 */
export function seriesColumns(fromCase: ObservableSeries[], report: ActualsReport | null): ObservableSeries[] {
  const reported = new Map((report?.series ?? []).map((s) => [s.id, s]));
  const columns = fromCase.map((s) => {
    const r = reported.get(s.id);
    return r ? { ...s, label: r.label || s.label, unit: r.unit || s.unit } : s;
  });
  const known = new Set(columns.map((s) => s.id));
  for (const r of report?.series ?? []) {
    if (!known.has(r.id)) columns.push({ id: r.id, label: r.label, unit: r.unit, group: groupOf(r.id) });
  }
  return columns;
}
