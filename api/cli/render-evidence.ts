import type { EvidenceAnalysis, EvsiAnalysis } from '../../models/analysis/index.ts';
import type { BusinessCase } from '../../models/case/case-schema.ts';
import type { DistributionView } from '../../models/evidence/index.ts';
import { RECOMMENDATION_LABELS } from '../../models/gate/recommendation.ts';
import { formatters, type Formatters } from './formatters.ts';
import { textTable } from './text-table.ts';

const METHOD_TEXT = {
  normal: 'normal–normal update of the mean',
  lognormal: 'normal–normal update of the mean of ln x',
  matchedNormal: 'normal prior matched to the range, updated, truncated to the range',
  betaBinomial: 'beta prior matched to the range, binomial likelihood',
} as const;

/**
 * The before/after view of a case's evidence: per input its stated and updated
 * distribution, its EVPPI before and after, then the gate before and after.
 *
 * @example
 * renderEvidence(bc, evidenceAnalysis(bc, settings, today), 20_000)
 */
export function renderEvidence(bc: BusinessCase, result: EvidenceAnalysis, trials: number): string {
  const f = formatters(bc.currency, bc.locale);
  const lines: string[] = [`Evidence on ${bc.name} (${f.count(trials)} trials each side)`];
  for (const row of result.inputs) {
    const counted = row.factor === 1 ? 'counted in full' : `counted as ${f.number(row.effectiveN)} (factor ${f.number(row.factor)})`;
    lines.push(
      '',
      `${row.label}${row.unit ? ` (${row.unit})` : ''}`,
      `  ${row.kind} of ${f.count(row.n)} ${row.kind === 'proportion' ? 'trials' : 'measurements'} by ${row.takenBy} on ${row.takenOn}, ${row.representativeness}: ${counted}; ${METHOD_TEXT[row.method]}`,
      indent(
        textTable(
          ['', 'mean', 'sd', 'p5', 'p50', 'p95', 'parameters'],
          [distributionRow('stated range (prior)', row.prior, f), distributionRow('updated (simulated)', row.updated, f)],
        ),
      ),
      `  EVPPI ${f.money(row.evppiBefore.value)} ± ${f.money(row.evppiBefore.standardError)} before → ${f.money(row.evppiAfter.value)} ± ${f.money(row.evppiAfter.standardError)} after`,
    );
  }
  const side = (label: string, s: EvidenceAnalysis['before']): string =>
    `${label} ${RECOMMENDATION_LABELS[s.recommendation].toUpperCase()}: P(NPV > 0) ${f.percent(s.probabilityPositive)}, expected NPV ${f.money(s.expectedNpv)}, EVPI ${f.money(s.evpi)}`;
  lines.push(
    '',
    side('Gate before the evidence:', result.before),
    `  ${result.before.headline}`,
    side('Gate with the evidence:  ', result.after),
    `  ${result.after.headline}`,
  );
  return lines.join('\n');
}

function distributionRow(label: string, view: DistributionView, f: Formatters): string[] {
  const parameters = Object.entries(view.parameters)
    .map(([key, value]) => `${key} ${f.number(value)}`)
    .join(', ');
  return [label, f.number(view.mean), f.number(view.sd), f.number(view.p5), f.number(view.p50), f.number(view.p95), parameters];
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * EVSI per planned sample size with its s.e., cost and net value, and the best n.
 *
 * @example
 * renderEvsi(bc, evsiAnalysis(bc, model, settings, { input: 'x', sizes: [10, 100], sd: 2 }))
 */
export function renderEvsi(bc: BusinessCase, result: EvsiAnalysis): string {
  const f = formatters(bc.currency, bc.locale);
  const model =
    result.sampleModel.kind === 'binomial'
      ? 'each observation a success or not (binomial count)'
      : result.sampleModel.kind === 'normal'
        ? `one observation's sd ${f.number(result.sampleModel.sd)}${result.sdSource === 'evidence' ? ' (from the evidence)' : ''}`
        : `one observation's sd of ln x ${f.number(result.sampleModel.logSd)}${result.sdSource === 'evidence' ? ' (from the evidence)' : ''}`;
  const lines = [
    `Expected value of sample information: measuring ${result.label} (${f.count(result.trials)} trials)`,
    `Planned observations: ${model}`,
    `EVPPI (the limit as n grows) ${f.money(result.evppi.value)} ± ${f.money(result.evppi.standardError)}`,
    result.cost
      ? `Cost: ${f.money(result.cost.fixed)} fixed + ${f.money(result.cost.perObservation)} per observation`
      : 'Cost: not given (--cost-fixed, --cost-per-observation or samplingCost on the input)',
    '',
    textTable(
      ['n', 'EVSI', '± s.e.', 'cost', 'net value'],
      result.rows.map((row) => [
        f.count(row.n),
        f.money(row.evsi),
        f.money(row.standardError),
        row.cost === null ? '—' : f.money(row.cost),
        row.netValue === null ? '—' : f.money(row.netValue),
      ]),
    ),
    '',
  ];
  if (result.cost === null) lines.push('→ Give the measurement cost to find the best n.');
  else if (result.bestN === null) lines.push('→ No sample size in the grid is worth its cost.');
  else {
    const best = result.rows.find((row) => row.n === result.bestN)!;
    lines.push(`→ Best n in the grid: ${f.count(best.n)} observations, net value ${f.money(best.netValue!)}.`);
  }
  return lines.join('\n');
}
