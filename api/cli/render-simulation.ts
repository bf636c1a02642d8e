import type { BusinessCase } from '../../models/case/case-schema.ts';
import type { RunSummary, LabelledSummary } from '../../models/engine/summarize-run.ts';
import type { PointEstimate } from '../../models/engine/point-estimate.ts';
import type { PrecisionReport } from '../../models/engine/precision-target.ts';
import { noCostAnswers } from '../../models/gate/hidden-costs.ts';
import { formatters, type Formatters } from './formatters.ts';
import { textTable } from './text-table.ts';

/**
 * The readable report of `valuegate simulate`, with the precision reached when
 * precision control chose the run's size (`--precision`).
 *
 * @example
 * console.log(renderSimulation(bc, summary, pointEstimate));
 */
export function renderSimulation(bc: BusinessCase, summary: RunSummary, point: PointEstimate): string {
  const f = formatters(bc.currency, bc.locale);
  const out: string[] = [];
  const { npv, roi, paybackMonth, discountedPaybackMonth, irrAnnual } = summary.outputs;
  out.push(`${bc.name}`);
  out.push(
    `${f.count(summary.trials)} trials · seed ${summary.seed} · ${summary.sampling === 'lhs' ? 'Latin Hypercube' : 'Monte Carlo'} · ` +
      `${summary.horizonMonths} months · discount ${f.percent(summary.discountRateAnnual)}/yr (monthly, end of month) · engine ${summary.engineVersion}`,
  );
  if (summary.precision) out.push(precisionLine(summary.precision, summary, f));
  out.push('');
  const p = npv.probabilityPositive;
  out.push(`P(NPV > 0) = ${f.percent(p.value)} ± ${f.percentError(p.standardError)} (1 s.e.)`);
  out.push('');
  const row = (label: string, s: LabelledSummary, format: (value: number) => string, withMean = true): string[] => [
    label,
    withMean ? `${format(s.mean)} ± ${format(s.standardError)}` : '',
    format(s.percentiles.p5),
    format(s.percentiles.p10),
    format(s.percentiles.p50),
    format(s.percentiles.p90),
    format(s.percentiles.p95),
  ];
  out.push(
    textTable(
      ['Result', 'mean ± s.e.', 'p5', 'p10', 'p50', 'p90', 'p95'],
      [
        row('NPV', npv, f.money),
        row('ROI', roi, f.percent),
        row('PV benefits', summary.outputs.pvBenefits, f.money),
        row('PV costs', summary.outputs.pvCosts, f.money),
        row('Payback (undiscounted)', paybackMonth, shortMonths, false),
        row('Payback (discounted)', discountedPaybackMonth, shortMonths, false),
        row('IRR (annual)', irrAnnual, f.percent, false),
      ],
    ),
  );
  const se = npv.percentileStandardErrors;
  out.push(`Monte Carlo s.e. of the NPV percentiles: p5 ± ${f.money(se.p5)}, p50 ± ${f.money(se.p50)}, p95 ± ${f.money(se.p95)}.`);
  const notPaidBack = discountedPaybackMonth.positiveInfiniteCount / summary.trials;
  out.push(
    `Discounted payback not within the horizon in ${f.percent(notPaidBack)} of trials. ` +
      `IRR: −∞ where no month's net cash flow is positive (${f.percent(irrAnnual.negativeInfiniteCount / summary.trials)}, ${f.count(irrAnnual.negativeInfiniteCount)} trials), ` +
      `undefined where no single rate solves NPV = 0 (${f.percent(irrAnnual.undefinedCount / summary.trials)}, ${f.count(irrAnnual.undefinedCount)} trials).`,
  );
  out.push('');
  out.push(
    `Point estimate (every input at its median, exact decimal, to the cent): NPV ${f.exactMoney(point.npv)}, ` +
      `ROI ${f.percent(Number(point.roi))}, PV costs ${f.exactMoney(point.pvCosts)}`,
  );
  out.push('');
  out.push(renderCosts(summary, f));
  const answeredNone = noCostAnswers(summary.missingCostCategories, bc.noCostReasons);
  const unanswered = summary.missingCostCategories.filter((c) => !answeredNone.some((answer) => answer.category === c.category));
  if (unanswered.length) {
    out.push('');
    out.push(`Hidden costs? No cost line in: ${unanswered.map((c) => c.label).join('; ')}.`);
  }
  if (answeredNone.length) out.push(`Answered "none": ${answeredNone.map((a) => `${a.label} (${a.reason})`).join('; ')}.`);
  if (summary.pilotVsProduction) {
    out.push('');
    out.push(renderPilot(summary, f));
  }
  for (const metric of Object.values(summary.outputs).filter((o) => o.id.startsWith('metric.'))) {
    if (metric === Object.values(summary.outputs).find((o) => o.id.startsWith('metric.'))) out.push('', 'Custom metrics');
    out.push(
      `  ${metric.label} (${metric.unit}): p50 ${f.number(metric.percentiles.p50)}, 90% interval ${f.number(metric.percentiles.p5)} to ${f.number(metric.percentiles.p95)}`,
    );
  }
  if (summary.achievedCorrelation) {
    const c = summary.achievedCorrelation;
    const pairs: string[] = [];
    for (let a = 0; a < c.inputs.length; a++)
      for (let b = a + 1; b < c.inputs.length; b++) pairs.push(`${c.inputs[a]}~${c.inputs[b]} ${f.fixed(c.matrix[a][b], 3)}`);
    out.push('', `Rank correlation achieved (Iman–Conover): ${pairs.join(', ')}`);
  }
  return out.join('\n');
}

function shortMonths(value: number): string {
  return value === Infinity ? '>horizon' : Number.isNaN(value) ? 'n/a' : `m${Math.round(value)}`;
}

function renderCosts(summary: RunSummary, f: Formatters): string {
  const years = summary.costByCategory[0]?.meanByYear.length ?? 0;
  const rows = summary.costByCategory.map((row) => [
    row.label,
    ...row.meanByYear.map(f.money),
    f.money(row.meanTotal),
    row.hasLines ? `± ${f.money(row.standardError)}` : '',
    row.hasLines ? f.percent(row.share) : 'not priced',
  ]);
  const totals = Array.from({ length: years }, (_, year) => summary.costByCategory.reduce((sum, row) => sum + row.meanByYear[year], 0));
  rows.push(['Total', ...totals.map(f.money), f.money(totals.reduce((a, b) => a + b, 0)), `± ${f.money(summary.outputs.totalCosts.standardError)}`, '100%']);
  return `Full cost by category (mean, undiscounted)\n${textTable(['Category', ...Array.from({ length: years }, (_, y) => `Year ${y + 1}`), 'Total', 's.e.', 'Share'], rows)}`;
}

function renderPilot(summary: RunSummary, f: Formatters): string {
  const pilot = summary.pilotVsProduction!;
  const lines = [
    `Pilot vs production`,
    textTable(
      ['', 'p10', 'p50', 'p90'],
      [
        [
          `Pilot ROI (${pilot.pilotDurationMonths} months, pilot costs only)`,
          f.percent(pilot.pilotRoi.percentiles.p10),
          f.percent(pilot.pilotRoi.percentiles.p50),
          f.percent(pilot.pilotRoi.percentiles.p90),
        ],
        [
          'Production ROI (full cost, discounted)',
          f.percent(pilot.productionRoi.percentiles.p10),
          f.percent(pilot.productionRoi.percentiles.p50),
          f.percent(pilot.productionRoi.percentiles.p90),
        ],
      ],
    ),
    `→ ${pilot.explanation}.`,
  ];
  if (pilot.reportedPilotRoi !== null) lines.push(`The pilot team reported an ROI of ${f.percent(pilot.reportedPilotRoi)}.`);
  if (pilot.categoriesNeverPaid.length) {
    lines.push(`Costs the pilot never paid: ${pilot.categoriesNeverPaid.map((c) => `${c.label} (${f.money(c.meanTotal)})`).join('; ')}.`);
  }
  return lines.join('\n');
}

function precisionLine(precision: PrecisionReport, summary: RunSummary, f: Formatters): string {
  const label = summary.outputs[precision.outputId]?.label ?? precision.outputId;
  const reached = Number.isFinite(precision.relativeHalfWidth) ? `±${f.percentError(precision.relativeHalfWidth)}` : 'unbounded (mean 0)';
  const runs = precision.runs.map((trials) => f.count(trials)).join(', ');
  return (
    `Precision: 95 % CI of the mean ${label} ${reached} of it after ${f.count(precision.trials)} trials, target ±${f.percentError(precision.target)}: ` +
    (precision.met ? 'met' : 'NOT met by the most trials allowed; raise --trials') +
    ` (runs of ${runs} trials; --trials ${precision.trials} --seed ${summary.seed} repeats the last).`
  );
}
