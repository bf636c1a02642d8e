import type { ActualsReport, ActualsSeriesReport, NpvFigures } from '../../models/contract/actuals-resources.ts';
import { formatters, type Formatters } from './formatters.ts';
import { textTable } from './text-table.ts';

const percentile = (pit: number | null): string => (pit === null ? 'not scored' : `P${Math.round(pit * 100)}`);

function seriesBlock(series: ActualsSeriesReport, f: Formatters, currency: string): string {
  const value = (x: number): string => (series.unit === currency ? f.money(x) : f.number(x));
  const rows = series.observations.map((o) => [
    o.month,
    value(o.value),
    percentile(o.pit),
    o.crps === null ? '' : f.number(o.crps),
    o.intervalScore === null ? '' : f.number(o.intervalScore),
    o.inside90 === null ? '' : o.inside90 ? 'yes' : 'no',
  ]);
  const lines = [
    `${series.label} (${series.id}${series.unit ? `, ${series.unit}` : ''})`,
    textTable(['Month', 'Actual', 'Percentile', 'CRPS', 'Interval score', 'Inside P5–P95'], rows),
  ];
  if (series.fan.length === 0) lines.push('  The model has no forecast of this series: recorded, not scored.');
  else {
    const coverage = series.coverage90 === null ? 'n/a' : f.percent(series.coverage90);
    lines.push(`  Inside P5–P95: ${coverage} of the scored months (about 90% for a calibrated forecast).`);
  }
  if (series.regate.flagged) lines.push(`  Re-gate: outside P10–P90 in ${series.regate.months.join(', ')}.`);
  return lines.join('\n');
}

function npvRow(label: string, pick: (figures: NpvFigures) => string, original: NpvFigures, updated: NpvFigures | null): string[] {
  return [label, pick(original), updated ? pick(updated) : '—'];
}

/**
 * The actuals report as text: each series with actuals (percentile, CRPS, interval score,
 * inside P5–P95, coverage, re-gate months), the re-gate verdict, NPV before and after the
 * actuals with the effective sample size, and durable process change.
 *
 * @example
 * io.stdout.write(renderActuals(bc, report) + '\n');
 */
export function renderActuals(bc: { currency: string; locale?: string }, report: ActualsReport): string {
  const f = formatters(bc.currency, bc.locale);
  const observed = report.series.filter((s) => s.observations.length > 0);
  const blocks = observed.map((s) => seriesBlock(s, f, bc.currency));
  const verdict = report.regate.flagged
    ? ['Re-gate the case:', ...report.regate.reasons.map((r) => `  ${r}`)].join('\n')
    : 'No re-gate: no series was outside its forecast P10–P90 long enough.';
  const u = report.updatedForecast;
  const { original, updated } = u.npv;
  const npv = textTable(
    ['NPV', 'Forecast', 'Updated by actuals'],
    [
      npvRow('P5', (x) => f.money(x.p5), original, updated),
      npvRow('P50', (x) => f.money(x.p50), original, updated),
      npvRow('P95', (x) => f.money(x.p95), original, updated),
      npvRow('P(NPV > 0)', (x) => f.percent(x.pPositive), original, updated),
    ],
  );
  const ess = u.effectiveSampleSize === null ? 'no update' : `${f.count(u.effectiveSampleSize)} of ${f.count(u.storedTrials)} trials`;
  const durable = report.durable.map((d) => `  ${d.label}: ${d.durable ? 'durable' : 'not durable'}. ${d.reason}`);
  return [
    ...blocks,
    verdict,
    npv,
    `Effective sample size: ${ess}. ${u.message}`,
    ...(u.realisedToDate === null ? [] : [`Realised to date (net): ${f.money(u.realisedToDate)}`]),
    ...(durable.length ? [['Durable process change:', ...durable].join('\n')] : []),
  ].join('\n\n');
}
