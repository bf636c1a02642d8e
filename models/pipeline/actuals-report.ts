import { coverageShare } from '../actuals/coverage-share.ts';
import { isDurableChange } from '../actuals/is-durable-change.ts';
import type { ObservationError } from '../actuals/observation-error.ts';
import { pitHistogram } from '../actuals/pit-histogram.ts';
import { regateFlag } from '../actuals/regate-flag.ts';
import { scoreActual } from '../actuals/score-actual.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import type { ActualsReport, ActualsSeriesReport, ActualValueRecord, ScoredObservation, SeriesFanRow } from '../contract/resources.ts';
import { quantileSorted } from '../stats/quantile-sorted.ts';
import type { SeriesCapture } from './capture-series.ts';
import { caseMonthIndex, caseMonthLabel } from './case-months.ts';
import { type PlacedActual, updateForecast } from './updated-forecast.ts';

/** PIT histogram bins of a series. */
export const PIT_BINS = 5;

/** One month of a series: its sorted forecast values, NaN (a formula undefined in a trial) left out. */
function sortedMonth(values: Float32Array, trials: number, month: number): Float64Array {
  const sorted = Float64Array.from(values.subarray((month - 1) * trials, month * trials)).sort();
  let end = sorted.length;
  while (end > 0 && Number.isNaN(sorted[end - 1])) end--; // typed-array sort puts NaN last
  return sorted.subarray(0, end);
}

function fanOf(bc: BusinessCase, values: Float32Array, capture: SeriesCapture): SeriesFanRow[] {
  return Array.from({ length: capture.months }, (_, index) => {
    const sorted = sortedMonth(values, capture.trials, index + 1);
    const q = (p: number): number => quantileSorted(sorted, p);
    return { monthIndex: index + 1, month: caseMonthLabel(bc.startDate, index + 1), p5: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95) };
  });
}

const unscored = { pit: null, crps: null, intervalScore: null, inside90: null };

/** Scores one series' observations, its fan, coverage, PIT histogram and re-gate flag. */
function seriesReport(
  bc: BusinessCase,
  capture: SeriesCapture,
  info: Pick<ActualsSeriesReport, 'id' | 'label' | 'unit' | 'kind'>,
  rows: readonly ActualValueRecord[],
): ActualsSeriesReport {
  const values = capture.values.get(info.id);
  const fan = values ? fanOf(bc, values, capture) : [];
  const observations: ScoredObservation[] = rows.map((row) => {
    const monthIndex = caseMonthIndex(bc.startDate, row.month) ?? 0;
    const base = { month: row.month, monthIndex, value: row.value, note: row.note, recordedBy: row.recordedBy, recordedAt: row.recordedAt };
    if (!values || monthIndex < 1 || monthIndex > capture.months) return { ...base, ...unscored };
    const sorted = sortedMonth(values, capture.trials, monthIndex);
    if (sorted.length === 0) return { ...base, ...unscored };
    const score = scoreActual(sorted, row.value);
    return { ...base, pit: score.pit, crps: score.crps, intervalScore: score.intervalScore, inside90: score.inside };
  });
  const scored = observations.filter((o) => o.pit !== null);
  const band = scored.map((o) => ({ month: o.monthIndex, value: o.value, lower: fan[o.monthIndex - 1].p10, upper: fan[o.monthIndex - 1].p90 }));
  const flag = regateFlag(band, { consecutiveMonths: bc.postLaunch?.regateAfterMonths ?? 2 });
  const coverage = coverageShare(
    scored.map((o) => o.value),
    scored.map((o) => fan[o.monthIndex - 1].p5),
    scored.map((o) => fan[o.monthIndex - 1].p95),
  );
  const histogram = pitHistogram(Float64Array.from(scored.map((o) => o.pit!)), PIT_BINS);
  return {
    ...info,
    observations,
    fan,
    coverage90: coverage.n > 0 ? coverage.share : null,
    pitHistogram: Array.from(histogram.counts),
    regate: { flagged: flag.flagged, months: flag.months.map((m) => caseMonthLabel(bc.startDate, m)) },
  };
}

/** Realised to date: the `net` actuals' sum, else benefit actuals minus cost actuals; null with none. */
function realisedToDate(rows: readonly ActualValueRecord[]): number | null {
  const net = rows.filter((r) => r.series === 'net');
  if (net.length > 0) return net.reduce((sum, r) => sum + r.value, 0);
  const flows = rows.filter((r) => r.series.startsWith('benefit:') || r.series.startsWith('cost:'));
  if (flows.length === 0) return null;
  return flows.reduce((sum, r) => sum + (r.series.startsWith('cost:') ? -r.value : r.value), 0);
}

/** Durable process change of each baseline metric with a hypothesised change (`isDurableChange`). */
export function durableChanges(bc: BusinessCase, rows: readonly ActualValueRecord[]): ActualsReport['durable'] {
  const out: ActualsReport['durable'] = [];
  for (const metric of bc.baseline?.metrics ?? []) {
    const change = bc.valueHypothesis?.expectedChanges.find((c) => c.metric === metric.id);
    if (!change || change.expected === metric.value) continue;
    const measured = rows
      .filter((r) => r.series === `metric:${metric.id}`)
      .map((r) => ({ month: caseMonthIndex(bc.startDate, r.month) ?? 0, value: r.value }))
      .sort((a, b) => a.month - b.month);
    // A month with no measurement between the first and last counts as missing (NaN).
    const observations: number[] = [];
    for (let i = 0; i < measured.length; i++) {
      if (i > 0) for (let gap = measured[i - 1].month + 1; gap < measured[i].month; gap++) observations.push(Number.NaN);
      observations.push(measured[i].value);
    }
    const result = isDurableChange({
      baseline: metric.value,
      hypothesisedChange: change.expected - metric.value,
      observations,
      lastN: bc.postLaunch?.durableMonths,
      minShare: bc.postLaunch?.durableShare,
    });
    out.push({ metric: metric.id, label: metric.label, durable: result.durable, reason: result.reason });
  }
  return out;
}

/** The actuals that can be conditioned on: series with a forecast, months inside the horizon. */
export function placedActuals(bc: BusinessCase, capture: SeriesCapture, rows: readonly ActualValueRecord[]): PlacedActual[] {
  return rows.flatMap((row) => {
    const month = caseMonthIndex(bc.startDate, row.month);
    if (!capture.values.has(row.series) || month === null || month < 1 || month > capture.months) return [];
    return [{ series: row.series, month, value: row.value, label: row.month }];
  });
}

/**
 * The actuals report of a case against a stored run: every observable series with its
 * observations scored (PIT, CRPS, interval score, inside P5–P95), its fan, P5–P95 coverage,
 * PIT histogram and re-gate flag; the case's re-gate verdict with reasons; the forecast
 * updated by the actuals; and durable process change per baseline metric. Stored actuals of
 * series the case no longer has are listed unscored (kind 'unknown').
 *
 * @example
 * const report = buildActualsReport(bc, capture, rows, { runId, caseVersion: 3 });
 * report.regate.flagged
 */
export function buildActualsReport(
  bc: BusinessCase,
  capture: SeriesCapture,
  rows: readonly ActualValueRecord[],
  meta: { runId: string; caseVersion: number },
): ActualsReport {
  const sorted = [...rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const known = new Set(capture.series.map((s) => s.id));
  const unknownIds = [...new Set(sorted.filter((r) => !known.has(r.series)).map((r) => r.series))];
  const infos = [
    ...capture.series.map((s) => ({ id: s.id, label: s.label, unit: s.unit, kind: s.kind })),
    ...unknownIds.map((id) => ({ id, label: `${id} (not a series of this case version)`, unit: '', kind: 'unknown' as const })),
  ];
  const series = infos.map((info) =>
    seriesReport(
      bc,
      capture,
      info,
      sorted.filter((r) => r.series === info.id),
    ),
  );
  const reasons = series
    .filter((s) => s.regate.flagged)
    .map(
      (s) =>
        `${s.label} was outside the forecast P10–P90 in ${s.regate.months.join(', ')} (${bc.postLaunch?.regateAfterMonths ?? 2} consecutive months re-gate the case).`,
    );
  const errors = (bc.postLaunch?.observationErrors ?? {}) as Record<string, ObservationError>;
  const { forecast } = updateForecast(capture, placedActuals(bc, capture, sorted), errors, realisedToDate(sorted));
  return {
    ...meta,
    series,
    regate: { flagged: reasons.length > 0, reasons },
    updatedForecast: forecast,
    durable: durableChanges(bc, sorted),
  };
}
