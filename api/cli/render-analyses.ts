import type { BusinessCase } from '../../models/case/case-schema.ts';
import type {
  BreakEvenRow,
  CompareResult,
  SampleSensitivityResult,
  SobolAnalysisResult,
  SpiderResult,
  TornadoResult,
  VoiResult,
} from '../../models/analysis/index.ts';
import type { GateResult } from '../../models/gate/evaluate-gate.ts';
import { RECOMMENDATION_LABELS } from '../../models/gate/recommendation.ts';
import { formatters, type Formatters } from './formatters.ts';
import { textTable } from './text-table.ts';

/** Formats an analysis target's values: money for NPV-like outputs, percent for ratios. */
export function outputFormatter(f: Formatters, output: string): (value: number) => string {
  if (output === 'roi' || output === 'irrAnnual' || output === 'pilotRoi') return f.percent;
  if (output === 'paybackMonth' || output === 'discountedPaybackMonth') return (value) => (value === Infinity ? '>horizon' : `m${f.fixed(value, 1)}`);
  if (output.startsWith('metric.')) return f.number;
  return f.money;
}

/** Tornado as a table with a text bar. */
export function renderTornado(bc: BusinessCase, result: TornadoResult): string {
  const f = formatters(bc.currency, bc.locale);
  const number = f.number;
  const format = outputFormatter(f, result.output);
  const maxSwing = result.bars[0]?.swing ?? 1;
  const rows = result.bars.map((bar) => [
    bar.label,
    `${number(bar.lowValue)} … ${number(bar.highValue)} ${bar.unit}`,
    format(bar.outputAtLow),
    format(bar.outputAtHigh),
    format(bar.swing),
    '█'.repeat(Math.max(1, Math.round((bar.swing / maxSwing) * 20))),
  ]);
  return [
    `Tornado: ${result.output} with each input at p${result.lowPercentile * 100} / p${result.highPercentile * 100}, others at their medians`,
    `Baseline (all inputs at median): ${format(result.baselineOutput)}`,
    '',
    textTable(['Input', 'range (low … high)', 'at low', 'at high', 'swing', ''], rows),
    ...(result.warnings ?? []).map((warning) => `warning: ${warning}`),
  ].join('\n');
}

/** Spider as a table: output at selected percentiles per input. */
export function renderSpider(bc: BusinessCase, result: SpiderResult): string {
  const f = formatters(bc.currency, bc.locale);
  const format = outputFormatter(f, result.output);
  const shown = [0, 4, 9, 14, 18].filter((index) => index < result.percentiles.length);
  return [
    `Spider: ${result.output} against each input's percentile, others at their medians (baseline ${format(result.baselineOutput)})`,
    '',
    textTable(
      ['Input', ...shown.map((index) => `p${Math.round(result.percentiles[index] * 100)}`), 'range'],
      result.series.map((series) => [series.label, ...shown.map((index) => format(series.outputs[index])), format(series.range)]),
    ),
  ].join('\n');
}

/** Rank correlation, SRC and contribution to variance, with reliability warnings. */
export function renderSampleSensitivity(bc: BusinessCase, result: SampleSensitivityResult): string {
  const f = formatters(bc.currency, bc.locale);
  const rows = result.rows.map((row) => [
    row.label,
    f.fixed(row.rankCorrelation, 3),
    f.fixed(row.standardizedCoefficient, 3),
    `${f.fixed(row.contributionToVariance, 1)} %`,
  ]);
  const lines = [
    `Sensitivity of ${result.output} from the Monte Carlo sample (${f.count(result.trials)} trials; regression R² ${f.fixed(result.regressionRSquared, 3)})`,
    '',
    textTable(['Input', 'Spearman ρ', 'SRC', 'contribution to variance'], rows),
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning.message}`);
  return lines.join('\n');
}

/** Sobol first- and total-order indices with confidence intervals. */
export function renderSobol(bc: BusinessCase, result: SobolAnalysisResult): string {
  const f = formatters(bc.currency, bc.locale);
  const interval = (ci: [number, number]): string => `[${f.fixed(ci[0], 3)}; ${f.fixed(ci[1], 3)}]`;
  const lines = [
    `Sobol indices of ${result.output}: N = ${f.count(result.baseSamples)} base samples, ${f.count(result.evaluations)} model runs (Saltelli 2010 first order, Jansen total order, 95% bootstrap intervals)`,
    '',
    textTable(
      ['Input', 'first order', '95% CI', 'total order', '95% CI', ''],
      result.rows.map((row) => [
        row.label,
        f.fixed(row.first, 3),
        interval(row.firstCi),
        f.fixed(row.total, 3),
        interval(row.totalCi),
        '█'.repeat(Math.max(0, Math.round(row.total * 40))),
      ]),
    ),
  ];
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}

/** Break-even values per input. */
export function renderBreakEven(bc: BusinessCase, rows: BreakEvenRow[]): string {
  const f = formatters(bc.currency, bc.locale);
  const number = f.number;
  return [
    'Break-even: the value of each input at which mean NPV crosses zero (the other inputs keep their distributions)',
    '',
    textTable(
      ['Input', 'break-even value', 'percentile', 'searched range'],
      rows.map((row) => [
        row.label,
        row.value === null ? 'none in range' : `${number(row.value)} ${row.unit}`,
        row.percentile === null ? '' : `p${f.fixed(row.percentile * 100, 0)}`,
        `${number(row.rangeLow)} … ${number(row.rangeHigh)}`,
      ]),
    ),
  ].join('\n');
}

/** EVPI and the EVPPI ranking with measurement costs. */
export function renderVoi(bc: BusinessCase, result: VoiResult): string {
  const f = formatters(bc.currency, bc.locale);
  const lines = [
    `Value of information for the go/no-go decision (${f.count(result.trials)} trials)`,
    `Expected NPV ${f.money(result.expectedNpv)} ± ${f.money(result.expectedNpvStandardError)} → current choice: ${result.preferred === 'go' ? 'GO' : 'STOP'}`,
    `Expected opportunity loss: if go ${f.money(result.expectedOpportunityLoss.go)}, if stop ${f.money(result.expectedOpportunityLoss.stop)}`,
    `EVPI (perfect information on everything) ${f.money(result.evpi.value)} ± ${f.money(result.evpi.standardError)}`,
    '',
    textTable(
      ['What to measure', 'EVPPI', '± s.e.', 'measurement cost', 'net value'],
      result.ranking.map((row) => [
        row.label,
        f.money(row.evppi),
        f.money(row.standardError),
        row.measurementCost === null ? '—' : f.money(row.measurementCost),
        row.netValue === null ? '—' : f.money(row.netValue),
      ]),
    ),
  ];
  const worth = result.ranking.filter((row) => row.netValue !== null && row.netValue > 0);
  if (worth.length) {
    lines.push('');
    for (const row of worth)
      lines.push(`→ Measuring ${row.label} before deciding is worth up to ${f.money(row.evppi)}; it costs ${f.money(row.measurementCost!)}.`);
  }
  return lines.join('\n');
}

/** The difference distribution of two cases. */
export function renderCompare(bc: BusinessCase, nameA: string, nameB: string, result: CompareResult): string {
  const f = formatters(bc.currency, bc.locale);
  const format = outputFormatter(f, result.output);
  const row = (label: string, s: CompareResult['a']): string[] => [
    label,
    format(s.mean),
    format(s.percentiles.p5),
    format(s.percentiles.p50),
    format(s.percentiles.p95),
    f.percent(s.probabilityPositive.value),
  ];
  const shared = result.sharedInputs.length;
  const converted = result.conversion
    ? ` (${result.conversion.from} at ${f.number(result.conversion.rate)} ${result.conversion.currency}/${result.conversion.from})`
    : '';
  return [
    `Compare ${result.output}: A = ${nameA}, B = ${nameB} (${f.count(result.trials)} trials, seed ${result.seed}, ` +
      (shared ? `common random numbers on ${f.count(shared)} shared input${shared === 1 ? '' : 's'})` : 'no shared inputs, so no common random numbers)'),
    ...(result.conversion
      ? [
          `B's money is converted into ${result.conversion.currency} at 1 ${result.conversion.from} = ${f.number(result.conversion.rate)} ${result.conversion.currency}; every B and A − B figure below is converted.`,
        ]
      : []),
    '',
    textTable(['', 'mean', 'p5', 'p50', 'p95', 'P(>0)'], [row('A', result.a), row(`B${converted}`, result.b), row(`A − B${converted}`, result.difference)]),
    '',
    `P(A better than B) = ${f.percent(result.probabilityABetter.value)} ± ${f.percentError(result.probabilityABetter.standardError)}`,
    `Standard error of the mean difference: ${format(result.standardErrorOfMeanDifference.commonRandomNumbers)} with common random numbers (independent runs: ${format(result.standardErrorOfMeanDifference.independentRuns)})`,
  ].join('\n');
}

/** The gate: recommendation, every criterion with its figure and Monte Carlo error, readiness, hidden costs, what to measure. */
export function renderGate(bc: BusinessCase, result: GateResult, trials: number): string {
  const f = formatters(bc.currency, bc.locale);
  const figure = (criterion: GateResult['criteria'][number]): string => {
    const value = criterion.figure;
    if (criterion.id.toLowerCase().includes('probability') || criterion.id.startsWith('readiness.')) return f.percent(value);
    if (criterion.id === 'businessOwner') return value >= 1 ? 'named' : 'none';
    if (criterion.id === 'quantifiedBaseline') return `${value} metric${value === 1 ? '' : 's'}`;
    if (criterion.id.toLowerCase().includes('payback')) return value === Infinity ? '>horizon' : `${Math.round(value)} months`;
    if (criterion.id.toLowerCase().includes('evpi')) return f.money(value);
    return f.number(value);
  };
  const threshold = (criterion: GateResult['criteria'][number]): string => {
    if (criterion.id === 'businessOwner') return 'named';
    const probe = { ...criterion, figure: criterion.threshold };
    return `${criterion.comparison} ${figure(probe)}`;
  };
  const error = (criterion: GateResult['criteria'][number]): string =>
    criterion.standardError !== null
      ? `± ${figure({ ...criterion, figure: criterion.standardError })}`
      : criterion.interval
        ? `95% CI ${figure({ ...criterion, figure: criterion.interval[0] })}–${figure({ ...criterion, figure: criterion.interval[1] })}`
        : '';
  const lines = [
    `Gate for "${bc.name}" (${f.count(trials)} trials, evaluated ${result.evaluatedOn})`,
    '',
    `RECOMMENDATION: ${RECOMMENDATION_LABELS[result.recommendation].toUpperCase()}`,
    result.headline,
    '',
    textTable(
      ['Criterion', 'figure', 'MC error', 'threshold', 'met'],
      result.criteria.map((criterion) => [criterion.label, figure(criterion), error(criterion), threshold(criterion), criterion.met ? 'yes' : 'NO']),
    ),
  ];
  for (const criterion of result.criteria.filter((c) => c.tooClose)) lines.push(`too close to call: ${criterion.label}: ${criterion.note ?? ''}`);
  lines.push(
    '',
    'Readiness gates',
    textTable(
      ['Gate', 'status', 'items met'],
      result.readiness.map((gate) => [gate.label, gate.status, `${gate.met}/${gate.total}`]),
    ),
  );
  lines.push('', 'Value-measurement gate (checked from the case)');
  for (const check of result.valueMeasurement)
    lines.push(`  [${check.passed === 'yes' ? 'x' : check.passed === 'partly' ? '~' : ' '}] ${check.label}: ${check.detail}`);
  if (result.missingCostCategories.length) {
    lines.push('', 'Likely hidden costs (no cost line):');
    for (const flag of result.missingCostCategories) lines.push(`  - ${flag.label}: ${flag.note}`);
  }
  if (result.answeredNoCost?.length) {
    lines.push('', 'Cost categories answered "none":');
    for (const answer of result.answeredNoCost) lines.push(`  - ${answer.label}: ${answer.reason}`);
  }
  if (result.levers.length) {
    lines.push('', 'Levers that could fix the case:');
    for (const lever of result.levers) lines.push(`  - ${lever.sentence}`);
  }
  if (result.measureNext.length) {
    lines.push('', 'What to measure next:');
    for (const entry of result.measureNext) lines.push(`  - ${entry.sentence}${entry.withinNoise ? ' (within Monte Carlo noise)' : ''}`);
  }
  return lines.join('\n');
}
