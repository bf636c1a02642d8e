import type { BusinessCase } from '../case/case-schema.ts';
import type { ChecklistItem } from '../case/readiness.ts';
import type { LabelledSummary, RunSummary } from '../engine/summarize-run.ts';
import { resolveDecisionRules, type DecisionRules } from './decision-rules.ts';
import { gateCriteria, type Criterion } from './gate-criteria.ts';
import { DEFAULT_GATE_LOCALE, gateFormat } from './gate-format.ts';
import { gateHeadline } from './gate-headline.ts';
import { hiddenCostFlags, noCostAnswers, type HiddenCostFlag, type NoCostAnswer } from './hidden-costs.ts';
import { measureNext, type MeasureNextEntry, type VoiRankingEntry } from './measure-next.ts';
import { medianInterval } from './median-interval.ts';
import { readinessStatus, type ReadinessGateStatus } from './readiness-status.ts';
import type { Recommendation } from './recommendation.ts';
import { redesignLevers, type GateTornado, type Lever } from './redesign-levers.ts';
import { scalingPlanChecks, type ScalingPlanCheck } from './scaling-plan-checks.ts';
import { valueMeasurementChecks, type ValueMeasurementCheck } from './value-measurement-checks.ts';
import { evidenceReadinessItems } from './evidence-readiness.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import { resolveGovernance } from '../governance/case-governance.ts';
import type { RiskTier } from '../governance/risk-tiers.ts';
import { gateGovernance, governanceCriteria, withGovernanceItems, withTierFloor, type GateGovernance } from './governance-criteria.ts';

/** Everything the gate decides from. */
export interface GateInputs {
  /** The validated case (defaults applied). */
  case: BusinessCase;
  /** From `summarizeRun`; reads outputs npv, discountedPaybackMonth and pvCosts, missingCostCategories and trials. */
  summary: RunSummary;
  /** Per-trial discounted payback months (+Infinity: not within the horizon), for the median's interval. */
  discountedPayback: Float64Array;
  /** Value of information of the go/stop decision: EVPI and the per-input EVPPI ranking. */
  voi: { evpi: { value: number; standardError: number }; ranking: VoiRankingEntry[] };
  /** The NPV tornado, bars sorted by swing. */
  tornado: GateTornado;
  /** Overrides (e.g. a portfolio's), merged over the case's decisionRules, over the defaults. */
  rules?: Partial<DecisionRules>;
  /** The evaluation date, YYYY-MM-DD (injected: models read no clock). */
  today: string;
  /** Effective-sample-size factors of evidence (default `REPRESENTATIVENESS_FACTORS`), for the production-data items. */
  representativenessFactors?: RepresentativenessFactors;
  /** The organisation's risk tiers (default `DEFAULT_RISK_TIERS`): the case's tier sets its path. */
  tiers?: readonly RiskTier[];
}

/** The gate's verdict with everything behind it. */
export interface GateResult {
  recommendation: Recommendation;
  /** One sentence a board reads. */
  headline: string;
  /** Every criterion, met or failed, in decision order. */
  criteria: Criterion[];
  readiness: ReadinessGateStatus[];
  /** The automatic value-measurement checks. */
  valueMeasurement: ValueMeasurementCheck[];
  /** The scaling plan's four parts, each complete, incomplete or missing (absent from results stored before issue 19). */
  scalingPlan: ScalingPlanCheck[];
  /** Cost categories with no cost and no "none" answer: likely hidden costs. */
  missingCostCategories: HiddenCostFlag[];
  /** Cost categories with no cost that the case answers "none", with the reason (`noCostReasons`). */
  answeredNoCost: NoCostAnswer[];
  /** Measurements worth making before deciding, most valuable first. */
  measureNext: MeasureNextEntry[];
  /** The drivers a redesign should work on (empty unless the recommendation is redesign). */
  levers: Lever[];
  rulesUsed: DecisionRules;
  evaluatedOn: string;
  /** The EU AI Act category, the risk tier and the path it sets (absent from results stored before issue 18). */
  governance: GateGovernance;
}

/**
 * Messages for inputs the gate cannot use, as constants.
 *
 * @example
 * expect(() => evaluateGate({ ...inputs, today: '1 May' })).toThrow(GATE_ERRORS.today);
 */
export const GATE_ERRORS = {
  today: 'today must be a date as YYYY-MM-DD',
  paybackLength: 'discountedPayback must hold one value per trial of the summary',
  missingOutput: 'the run summary lacks an output the gate needs',
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The value gate: recommends scale, redesign, stop or keep-as-research, and lists every
 * criterion with its figure and Monte Carlo error. Precedence, first match wins:
 *
 * 1. keepAsResearch: no business owner, or no quantified baseline (at least one
 *    baseline metric): without them nobody owns the outcome or value cannot be shown.
 * 2. scale: P(NPV > 0) ≥ scaleMinProbabilityPositive, AND median discounted payback ≤
 *    scaleMaxMedianDiscountedPaybackMonths, AND every required readiness gate reaches
 *    the required level.
 * 3. stop: P(NPV > 0) < stopBelowProbabilityPositive AND EVPI ≤ stopMaxEvpiShareOfStake ×
 *    expected PV of costs (even perfect information would not be worth measuring).
 * 4. redesign: anything else, naming the levers (tornado drivers whose favourable end
 *    alone makes NPV positive when the baseline NPV is not; the top three drivers when it
 *    is) and what to measure next.
 *
 * Decisions use the point figures; a figure within tooCloseZ standard errors of its
 * threshold (or a payback threshold inside the median's 95 % interval) is marked too
 * close to call, with the trial count that would probably settle it.
 *
 * @example
 * const result = evaluateGate({ case: bc, summary, discountedPayback: run.outputs.discountedPaybackMonth,
 *   voi, tornado, today: '2026-05-01' });
 * result.recommendation // 'redesign'
 */
export function evaluateGate(inputs: GateInputs): GateResult {
  const { case: bc, summary, today } = inputs;
  if (!ISO_DATE.test(today)) throw new RangeError(GATE_ERRORS.today);
  if (inputs.discountedPayback.length !== summary.trials) {
    throw new RangeError(`${GATE_ERRORS.paybackLength}: ${inputs.discountedPayback.length} values for ${summary.trials} trials`);
  }
  const npv = output(summary, 'npv');
  const stake = output(summary, 'pvCosts').mean;
  const governance = resolveGovernance(bc, inputs.tiers);
  const rules = withTierFloor(resolveDecisionRules(bc.decisionRules, inputs.rules), governance.riskTier.rules);
  const locale = bc.locale ?? DEFAULT_GATE_LOCALE;
  const format = gateFormat(bc.currency, locale);
  const automaticChecks = valueMeasurementChecks(bc, today);
  const planChecks = scalingPlanChecks(bc);
  // The value-measurement gate is met only if the automatic checks pass as well as its checklist;
  // a missing or incomplete part of the scaling plan is an unmet item of its gate. The production-data
  // gate also reads the inputs' evidence: curated pilot data is not production data.
  const readiness = readinessStatus(
    withPlanChecks(
      withAutomaticChecks(withGovernanceItems(bc.readiness, bc, governance), automaticChecks, evidenceReadinessItems(bc, inputs.representativenessFactors)),
      planChecks,
    ),
  );
  const valueCriteria = gateCriteria({
    case: bc,
    trials: summary.trials,
    probabilityPositive: npv.probabilityPositive,
    payback: medianInterval(inputs.discountedPayback),
    evpi: inputs.voi.evpi,
    stake,
    readiness,
    rules,
    format,
    locale,
  });
  // The governance criteria join the scale group before the stop criteria.
  const firstStop = valueCriteria.findIndex((criterion) => criterion.group === 'stop');
  const criteria = [...valueCriteria.slice(0, firstStop), ...governanceCriteria(bc, governance), ...valueCriteria.slice(firstStop)];
  const passes = (group: Criterion['group']): boolean => criteria.filter((c) => c.group === group).every((c) => c.met);
  const recommendation: Recommendation = !passes('prerequisite') ? 'keepAsResearch' : passes('scale') ? 'scale' : passes('stop') ? 'stop' : 'redesign';
  const levers = recommendation === 'redesign' ? redesignLevers(inputs.tornado, format) : [];
  const next = measureNext(inputs.voi.ranking, format, rules.tooCloseZ);
  const headline = gateHeadline({
    recommendation,
    criteria,
    meanNpv: npv.mean,
    stake,
    levers,
    baselineNpv: inputs.tornado.baselineOutput,
    measureNext: next,
    rules,
    format,
    trials: summary.trials,
  });
  return {
    recommendation,
    headline,
    criteria,
    readiness,
    valueMeasurement: automaticChecks,
    scalingPlan: planChecks,
    missingCostCategories: hiddenCostFlags(summary.missingCostCategories, bc.noCostReasons),
    answeredNoCost: noCostAnswers(summary.missingCostCategories, bc.noCostReasons),
    measureNext: next,
    levers,
    rulesUsed: rules,
    evaluatedOn: today,
    governance: gateGovernance(governance),
  };
}

function output(summary: RunSummary, id: 'npv' | 'pvCosts'): LabelledSummary {
  const found = summary.outputs[id];
  if (!found) throw new RangeError(`${GATE_ERRORS.missingOutput}: ${id}`);
  return found;
}

const CHECK_STATUS = { yes: 'met', partly: 'partly', no: 'notMet' } as const;

/** The readiness checklists with the automatic value-measurement checks and evidence items added to those gates' items. */
function withAutomaticChecks(readiness: BusinessCase['readiness'], checks: ValueMeasurementCheck[], evidenceItems: ChecklistItem[]): BusinessCase['readiness'] {
  const automatic = checks.map((check) => ({
    item: `${check.label} (checked automatically from the case)`,
    status: CHECK_STATUS[check.passed],
    evidence: { text: check.detail },
    owner: 'valuegate',
  }));
  const withValue = { ...(readiness ?? {}), valueMeasurement: [...(readiness?.valueMeasurement ?? []), ...automatic] };
  return evidenceItems.length ? { ...withValue, productionData: [...(readiness?.productionData ?? []), ...evidenceItems] } : withValue;
}

/** The readiness checklists with an item for each part of the scaling plan that is missing ('notMet') or incomplete ('partly'). */
function withPlanChecks(readiness: BusinessCase['readiness'], checks: ScalingPlanCheck[]): BusinessCase['readiness'] {
  const result = { ...(readiness ?? {}) };
  for (const check of checks) {
    if (check.passed === 'yes') continue;
    const item = {
      item: `${check.label} (checked automatically from the scaling plan)`,
      status: CHECK_STATUS[check.passed],
      evidence: { text: check.detail },
      owner: 'valuegate',
    };
    result[check.gate] = [...(result[check.gate] ?? []), item];
  }
  return result;
}
