import type { TornadoResult } from '../analysis/tornado-analysis.ts';
import type { VoiResult } from '../analysis/value-of-information.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import type { RunSummary } from '../engine/summarize-run.ts';
import { DEFAULT_GATE_LOCALE, gateFormat, type GateFormat } from '../gate/gate-format.ts';
import type { GateResult } from '../gate/evaluate-gate.ts';
import { RECOMMENDATION_LABELS } from '../gate/recommendation.ts';
import { scalingPlanChecks } from '../gate/scaling-plan-checks.ts';
import type { BusinessCaseOutline, OutlineBlock, OutlineSection } from './outline-types.ts';
import { gateSection, measureNextSection } from './gate-sections.ts';
import { planSections } from './plan-sections.ts';
import { factorsText, type RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

/** What the document is built from: the case version of a stored run, the run and its analyses. */
export interface OutlineInputs {
  case: BusinessCase;
  caseId: string;
  run: {
    id: string;
    caseVersion: number;
    caseHash: string;
    trials: number;
    seed: number;
    sampling: string;
    engineVersion: string;
    finishedAt: string | null;
    /** The factors the run weighed its evidence with (named in the reproduction line when the case has evidence). */
    representativenessFactors?: RepresentativenessFactors;
  };
  summary: RunSummary;
  gate: GateResult;
  tornado: TornadoResult | null;
  voi: VoiResult | null;
  /** The latest recorded decision, if any. */
  decision?: { decision: string; takenBy: string; takenAt: string; rationale: string } | null;
}

const ratio = (f: GateFormat, value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : f.percent(value);

/**
 * The production business case as an outline, in board order: the decision asked for;
 * use case, owner and sponsor; baseline and value hypothesis; full scaling cost with the
 * pilot beside production; the four parts of the scaling plan; risks and sensitivities;
 * the gate with its readiness sign-offs; what to measure next. Every figure is the run's
 * or an analysis's, formatted in the case's currency and locale.
 *
 * @example
 * businessCaseOutline(inputs).sections.map((s) => s.heading)[0] // '1. The decision asked for'
 */
export function businessCaseOutline(inputs: OutlineInputs): BusinessCaseOutline {
  const bc = inputs.case;
  const f = gateFormat(bc.currency, bc.locale ?? DEFAULT_GATE_LOCALE);
  // Gate results stored before issue 19 have no plan checks: derive them from the case.
  const checks = inputs.gate.scalingPlan ?? scalingPlanChecks(bc);
  const sections: OutlineSection[] = [
    decisionSection(inputs, f),
    useCaseSection(bc, f),
    baselineSection(bc, f),
    costSection(inputs, f),
    ...planSections(bc, checks, 5),
    riskSection(inputs, f),
    gateSection(inputs.gate, f, checks),
    measureNextSection(inputs.gate),
  ];
  const { run } = inputs;
  return {
    title: bc.name,
    subtitle: `Production business case · case version ${run.caseVersion}${run.finishedAt ? ` · run of ${run.finishedAt.slice(0, 10)}` : ''}`,
    sections,
    charts: charts(inputs),
    footer:
      `Reproduce: case ${inputs.caseId} version ${run.caseVersion} (hash ${run.caseHash.slice(0, 12)}), run ${run.id}, ${f.count(run.trials)} trials, ` +
      `seed ${run.seed}, ${run.sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'} sampling, ${evidenceFactors(inputs)}engine ${run.engineVersion}. ` +
      `Amounts in ${bc.currency}, rounded to whole units.`,
  };
}

/** The evidence factors of the run, when the case has evidence for them to weigh. */
function evidenceFactors({ case: bc, run }: OutlineInputs): string {
  const hasEvidence = Object.values(bc.inputs).some((input) => input.evidence);
  return hasEvidence && run.representativenessFactors ? `representativeness factors ${factorsText(run.representativenessFactors)}, ` : '';
}

function decisionSection({ gate, summary, decision, case: bc }: OutlineInputs, f: GateFormat): OutlineSection {
  const npv = summary.outputs.npv;
  const roi = summary.outputs.roi;
  const payback = gate.criteria.find((c) => c.id === 'medianDiscountedPayback');
  const blocks: OutlineBlock[] = [
    { kind: 'paragraph', strong: `The gate recommends: ${RECOMMENDATION_LABELS[gate.recommendation]}.`, text: gate.headline },
    {
      kind: 'facts',
      rows: [
        ['NPV (mean ± s.e.)', `${f.money(npv.mean)} ± ${f.money(npv.standardError)}`],
        ['NPV P10 · P50 · P90', `${f.money(npv.percentiles.p10)} · ${f.money(npv.percentiles.p50)} · ${f.money(npv.percentiles.p90)}`],
        ['P(NPV > 0)', `${f.percent(npv.probabilityPositive.value)} ± ${f.percent(npv.probabilityPositive.standardError)}`],
        ['ROI (median, full cost, discounted)', ratio(f, roi?.percentiles.p50)],
        ['Median discounted payback', payback ? f.months(payback.figure) : 'n/a'],
      ],
    },
  ];
  if (decision)
    blocks.push({
      kind: 'paragraph',
      strong: 'Latest decision:',
      text: `${decision.decision} by ${decision.takenBy} on ${decision.takenAt.slice(0, 10)}: “${decision.rationale}”`,
    });
  if (bc.decisionCriteria)
    blocks.push({
      kind: 'facts',
      rows: [
        ['Scale when', bc.decisionCriteria.scale],
        ['Stop when', bc.decisionCriteria.stop],
        ['Criteria agreed on', bc.decisionCriteria.setOn],
      ],
    });
  return { id: 'decision', heading: '1. The decision asked for', blocks };
}

function useCaseSection(bc: BusinessCase, f: GateFormat): OutlineSection {
  const blocks: OutlineBlock[] = [];
  if (bc.description) blocks.push({ kind: 'paragraph', text: bc.description });
  blocks.push({
    kind: 'facts',
    rows: [
      ['Business owner', bc.ownership.businessOwner?.trim() || 'none named'],
      ['Sponsor', bc.ownership.sponsor],
      ['Prepared by', bc.ownership.preparedBy ?? '—'],
      ['Horizon · discount rate', `${bc.horizonMonths} months from ${bc.startDate} · ${f.percent(bc.discountRateAnnual)} a year`],
    ],
  });
  return { id: 'use-case', heading: '2. Use case, owner and sponsor', blocks };
}

function baselineSection(bc: BusinessCase, f: GateFormat): OutlineSection {
  const blocks: OutlineBlock[] = [];
  if (bc.baseline?.description) blocks.push({ kind: 'paragraph', text: bc.baseline.description });
  const metrics = bc.baseline?.metrics ?? [];
  if (metrics.length)
    blocks.push({
      kind: 'table',
      caption: 'Baseline metrics',
      header: ['Metric', 'Today', 'Source'],
      rows: metrics.map((m) => [m.label, `${f.value(m.value)} ${m.unit}`, m.source + (m.measuredOn ? ` (${m.measuredOn})` : '')]),
    });
  else blocks.push({ kind: 'warning', text: 'No quantified baseline: the gate recommends keep as research until one is measured.' });
  const hypothesis = bc.valueHypothesis;
  if (hypothesis) {
    blocks.push({ kind: 'paragraph', strong: 'Value hypothesis:', text: hypothesis.statement });
    const label = (id: string) => metrics.find((m) => m.id === id);
    if (hypothesis.expectedChanges.length)
      blocks.push({
        kind: 'table',
        caption: 'Expected changes after launch',
        header: ['Metric', 'Today', 'Expected'],
        rows: hypothesis.expectedChanges.map((c) => {
          const m = label(c.metric);
          return [m?.label ?? c.metric, m ? `${f.value(m.value)} ${m.unit}` : '—', `${f.value(c.expected)}${m ? ` ${m.unit}` : ''}`];
        }),
      });
  } else blocks.push({ kind: 'warning', text: 'No value hypothesis: the case does not say what should change.' });
  return { id: 'baseline', heading: '3. Baseline and value hypothesis', blocks };
}

function costSection({ summary, case: bc }: OutlineInputs, f: GateFormat): OutlineSection {
  const years = summary.costByCategory[0]?.meanByYear.map((_, i) => `Year ${i + 1}`) ?? [];
  const rows = summary.costByCategory.filter((row) => row.meanTotal !== 0);
  const total = summary.outputs.totalCosts;
  const blocks: OutlineBlock[] = [
    {
      kind: 'table',
      caption: `Full production cost by category and year (expected, ${bc.currency}), with the Monte Carlo standard error of each total`,
      header: ['Category', ...years, 'Total', '± s.e.'],
      rows: rows.map((row) => [row.label, ...row.meanByYear.map((v) => f.money(v)), f.money(row.meanTotal), f.money(row.standardError)]),
      footer: [
        'All categories',
        ...years.map((_, i) => f.money(rows.reduce((sum, row) => sum + row.meanByYear[i], 0))),
        f.money(total.mean),
        f.money(total.standardError),
      ],
      numeric: [...years.map((_, i) => i + 1), years.length + 1, years.length + 2],
    },
    { kind: 'paragraph', text: `Total cost over the horizon, P10 to P90: ${f.money(total.percentiles.p10)} to ${f.money(total.percentiles.p90)}.` },
    { kind: 'chart', chart: 'costByYear', caption: 'Expected cost by category and year' },
  ];
  const unpriced = summary.missingCostCategories.filter((c) => c.category !== 'other' && !bc.noCostReasons?.[c.category]?.trim());
  if (unpriced.length) blocks.push({ kind: 'warning', text: `Not priced in this case: ${unpriced.map((c) => c.label).join('; ')}.` });
  blocks.push(...pilotBlocks(summary, f));
  return { id: 'cost', heading: '4. Full scaling cost, and the pilot against production', blocks };
}

/** The pilot sentence, once, with the reported ROI and the costs the pilot never paid. */
function pilotBlocks(summary: RunSummary, f: GateFormat): OutlineBlock[] {
  const pvp = summary.pilotVsProduction;
  if (!pvp) return [{ kind: 'paragraph', text: 'The case has no pilot to compare with production.' }];
  const reported = pvp.reportedPilotRoi === null ? 'did not report an ROI' : `reported an ROI of ${f.percent(pvp.reportedPilotRoi)}`;
  const blocks: OutlineBlock[] = [
    {
      kind: 'facts',
      rows: [
        ['Pilot ROI, as reported by the pilot team', pvp.reportedPilotRoi === null ? 'not reported' : f.percent(pvp.reportedPilotRoi)],
        [`Pilot ROI, simulated (${pvp.pilotDurationMonths} months, pilot costs only; median)`, ratio(f, pvp.pilotRoi.percentiles.p50)],
        [
          'Production ROI, full cost and discounted (median; P10 to P90)',
          `${ratio(f, pvp.productionRoi.percentiles.p50)}; ${ratio(f, pvp.productionRoi.percentiles.p10)} to ${ratio(f, pvp.productionRoi.percentiles.p90)}`,
        ],
      ],
    },
    { kind: 'paragraph', strong: 'Pilot against production:', text: `the pilot team ${reported}; ${pvp.explanation}.` },
  ];
  if (pvp.categoriesNeverPaid.length)
    blocks.push({
      kind: 'table',
      caption: 'Costs production pays that the pilot never paid (expected totals over the horizon)',
      header: ['Category', 'Expected total'],
      rows: pvp.categoriesNeverPaid.map((row) => [row.label, f.money(row.meanTotal)]),
      footer: ['Never paid by the pilot', f.money(pvp.categoriesNeverPaid.reduce((sum, row) => sum + row.meanTotal, 0))],
      numeric: [1],
    });
  return blocks;
}

function riskSection({ tornado, voi }: OutlineInputs, f: GateFormat): OutlineSection {
  const blocks: OutlineBlock[] = [];
  if (tornado?.bars.length) {
    blocks.push({
      kind: 'chart',
      chart: 'tornado',
      caption: `What moves NPV most (each input at its P10 and P90, the others at their medians; baseline ${f.money(tornado.baselineOutput)})`,
    });
    blocks.push({
      kind: 'table',
      caption: 'Top drivers of NPV',
      header: ['Input', 'NPV at P10', 'NPV at P90', 'Swing'],
      rows: tornado.bars.slice(0, 8).map((b) => [b.label, f.money(b.outputAtLow), f.money(b.outputAtHigh), f.money(b.swing)]),
      numeric: [1, 2, 3],
    });
  } else blocks.push({ kind: 'paragraph', text: 'No tornado: the run has no varying input.' });
  if (voi) {
    blocks.push({
      kind: 'paragraph',
      strong: 'Value of information:',
      text: `perfect information about every input (EVPI) is worth ${f.money(voi.evpi.value)} ± ${f.money(voi.evpi.standardError)}.`,
    });
    const rows = voi.ranking.filter((row) => row.evppi >= 1).slice(0, 8);
    if (rows.length) {
      blocks.push({ kind: 'chart', chart: 'evppi', caption: 'EVPPI: what measuring each input alone is worth, against what it costs' });
      blocks.push({
        kind: 'table',
        caption: 'EVPPI by input',
        header: ['Input', 'EVPPI', '± s.e.', 'Measurement cost'],
        rows: rows.map((r) => [r.label, f.money(r.evppi), f.money(r.standardError), r.measurementCost === null ? 'not stated' : f.money(r.measurementCost)]),
        numeric: [1, 2, 3],
      });
    }
  }
  return { id: 'risks', heading: '9. Risks and sensitivities', blocks };
}

function charts({ summary, tornado, voi, case: bc }: OutlineInputs): BusinessCaseOutline['charts'] {
  const rows = summary.costByCategory.filter((row) => row.meanTotal > 0);
  return {
    costByYear: rows.length
      ? {
          years: rows[0].meanByYear.map((_, i) => `Year ${i + 1}`),
          series: rows.map((row) => ({ label: row.label, values: row.meanByYear })),
          currency: bc.currency,
        }
      : null,
    tornado: tornado?.bars.length
      ? {
          baseline: tornado.baselineOutput,
          bars: tornado.bars.slice(0, 8).map((b) => ({ label: b.label, low: b.outputAtLow, high: b.outputAtHigh })),
          currency: bc.currency,
        }
      : null,
    evppi: voi?.ranking.some((r) => r.evppi >= 1)
      ? {
          rows: voi.ranking
            .filter((r) => r.evppi >= 1)
            .slice(0, 8)
            .map((r) => ({ label: r.label, evppi: r.evppi, cost: r.measurementCost })),
          currency: bc.currency,
        }
      : null,
  };
}
