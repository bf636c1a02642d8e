import type { BusinessCase } from '../case/case-schema.ts';
import { MAX_TRIALS } from '../engine/simulation-env.ts';
import type { DecisionRules } from './decision-rules.ts';
import type { GateFormat } from './gate-format.ts';
import type { MedianInterval } from './median-interval.ts';
import { meetsReadinessLevel, type ReadinessGateStatus } from './readiness-status.ts';
import { niceTrialCount, tooCloseToCall } from './too-close.ts';

/** Which step of the decision a criterion belongs to. */
export type CriterionGroup = 'prerequisite' | 'scale' | 'stop';

/** One decision criterion, listed whether met or not, with its figure and Monte Carlo error. */
export interface Criterion {
  id: string;
  label: string;
  group: CriterionGroup;
  met: boolean;
  figure: number;
  threshold: number;
  /** How the figure must compare with the threshold for the criterion to be met. */
  comparison: '>=' | '<=' | '<';
  /** Monte Carlo standard error of the figure; null when it has none (counts, order-statistic intervals). */
  standardError: number | null;
  /** Confidence interval of the figure, when it comes from one (median payback). */
  interval?: [number, number];
  /** The figure could fall on the other side of the threshold with more trials. */
  tooClose: boolean;
  /** Trials that would probably settle a too-close call, when a count can. */
  suggestedTrials?: number;
  note?: string;
}

/** What the criteria are computed from. */
export interface CriteriaInputs {
  case: BusinessCase;
  trials: number;
  probabilityPositive: { value: number; standardError: number };
  /** Median discounted payback with its 95 % order-statistic interval. */
  payback: MedianInterval;
  evpi: { value: number; standardError: number };
  /** Expected PV of costs: the stake EVPI is weighed against. */
  stake: number;
  readiness: ReadinessGateStatus[];
  rules: DecisionRules;
  format: GateFormat;
  locale: string;
}

/**
 * Every criterion of the gate, in decision order: prerequisites (business owner,
 * quantified baseline), the scale criteria (P(NPV > 0), median discounted payback, one
 * per required readiness gate) and the stop criteria (P(NPV > 0) below the stop
 * threshold, EVPI within its share of the stake).
 *
 * @example
 * gateCriteria(inputs).filter((c) => c.group === 'scale').every((c) => c.met) // scale?
 */
export function gateCriteria(inputs: CriteriaInputs): Criterion[] {
  const { rules, format } = inputs;
  const p = inputs.probabilityPositive;
  return [
    ...prerequisites(inputs.case),
    probabilityCriterion(inputs, 'scaleProbabilityPositive', 'scale', rules.scaleMinProbabilityPositive, '>=', p),
    paybackCriterion(inputs),
    ...readinessCriteria(inputs.readiness, rules),
    probabilityCriterion(inputs, 'stopProbabilityPositive', 'stop', rules.stopBelowProbabilityPositive, '<', p),
    evpiCriterion(inputs, format),
  ];
}

function prerequisites(bc: BusinessCase): Criterion[] {
  const hasOwner = Boolean(bc.ownership.businessOwner?.trim());
  const metrics = bc.baseline?.metrics.length ?? 0;
  return [
    {
      id: 'businessOwner',
      label: 'A business owner is accountable for the outcome',
      group: 'prerequisite',
      met: hasOwner,
      figure: hasOwner ? 1 : 0,
      threshold: 1,
      comparison: '>=',
      standardError: null,
      tooClose: false,
      note: hasOwner ? `owner: ${bc.ownership.businessOwner!.trim()}` : 'no business owner named',
    },
    {
      id: 'quantifiedBaseline',
      label: 'A quantified baseline (at least one metric)',
      group: 'prerequisite',
      met: metrics >= 1,
      figure: metrics,
      threshold: 1,
      comparison: '>=',
      standardError: null,
      tooClose: false,
    },
  ];
}

function compare(figure: number, threshold: number, comparison: Criterion['comparison']): boolean {
  if (comparison === '>=') return figure >= threshold;
  if (comparison === '<=') return figure <= threshold;
  return figure < threshold;
}

function probabilityCriterion(
  inputs: CriteriaInputs,
  id: string,
  group: CriterionGroup,
  threshold: number,
  comparison: '>=' | '<',
  p: { value: number; standardError: number },
): Criterion {
  const { format } = inputs;
  const call = tooCloseToCall({
    figure: p.value,
    threshold,
    standardError: p.standardError,
    z: inputs.rules.tooCloseZ,
    trials: inputs.trials,
    describe: `P(NPV > 0) = ${format.percent(p.value)} (SE ${format.percent(p.standardError)})`,
    locale: inputs.locale,
  });
  return {
    id,
    label: `P(NPV > 0) ${comparison === '>=' ? '≥' : '<'} ${format.percent(threshold)}`,
    group,
    met: compare(p.value, threshold, comparison),
    figure: p.value,
    threshold,
    comparison,
    standardError: p.standardError,
    tooClose: call.tooClose,
    ...(call.suggestedTrials !== null && { suggestedTrials: call.suggestedTrials }),
    ...(call.note && { note: call.note }),
  };
}

function paybackCriterion(inputs: CriteriaInputs): Criterion {
  const { payback, format } = inputs;
  const threshold = inputs.rules.scaleMaxMedianDiscountedPaybackMonths;
  const { median, lower, upper } = payback;
  // Met for sure when the whole interval is within the threshold, failed for sure when
  // it lies entirely beyond; otherwise the true median could be on either side.
  const tooClose = lower <= threshold && threshold < upper;
  const criterion: Criterion = {
    id: 'medianDiscountedPayback',
    label: `Median discounted payback ≤ ${format.months(threshold)}`,
    group: 'scale',
    met: median <= threshold,
    figure: median,
    threshold,
    comparison: '<=',
    standardError: null,
    interval: [lower, upper],
    tooClose,
  };
  const notes: string[] = [];
  if (median === Infinity) notes.push('more than half of the trials do not pay back within the horizon');
  if (tooClose) {
    notes.push(
      `the 95% interval of the median discounted payback (${format.months(lower)} to ${format.months(upper)}) contains ` +
        `the ${format.months(threshold)} threshold: too close to call at ${format.count(inputs.trials)} trials`,
    );
    // The interval's side facing the threshold must shrink past it; its width falls as 1/√n.
    const reach = median <= threshold ? upper - median : median - lower;
    const distance = Math.abs(threshold - median);
    if (distance === 0) notes.push('more trials narrow the interval, but the median sits on the threshold');
    else if (!Number.isFinite(reach) || !Number.isFinite(distance)) notes.push('more trials narrow the interval');
    else {
      const needed = niceTrialCount(inputs.trials * (reach / distance) ** 2);
      criterion.suggestedTrials = Math.min(MAX_TRIALS, needed);
      notes.push(needed > MAX_TRIALS ? `even ${format.count(MAX_TRIALS)} trials may not settle it` : `about ${format.count(needed)} trials would settle it`);
    }
  }
  if (notes.length > 0) criterion.note = notes.join('; ');
  return criterion;
}

function readinessCriteria(readiness: ReadinessGateStatus[], rules: DecisionRules): Criterion[] {
  const level = rules.requiredGateLevel;
  return rules.requiredGates.map((gate) => {
    const status = readiness.find((row) => row.gate === gate)!;
    const atLeastPartly = status.items.filter((item) => item.status !== 'notMet').length;
    // 'met' needs every item met; 'partly' needs one item at least partly met (1/total of them).
    const figure = status.total === 0 ? 0 : (level === 'met' ? status.met : atLeastPartly) / status.total;
    const threshold = level === 'met' || status.total === 0 ? 1 : 1 / status.total;
    return {
      id: `readiness.${gate}`,
      label: `${status.label} gate ${level === 'met' ? 'met' : 'at least partly met'}`,
      group: 'scale',
      met: meetsReadinessLevel(status.status, level),
      figure,
      threshold,
      comparison: '>=',
      standardError: null,
      tooClose: false,
      note: status.total === 0 ? 'no checklist items: gate not started' : `${status.met} of ${status.total} items met (${status.status})`,
    } satisfies Criterion;
  });
}

function evpiCriterion(inputs: CriteriaInputs, format: GateFormat): Criterion {
  const { evpi, stake, rules } = inputs;
  const threshold = rules.stopMaxEvpiShareOfStake * stake;
  const call = tooCloseToCall({
    figure: evpi.value,
    threshold,
    standardError: evpi.standardError,
    z: rules.tooCloseZ,
    trials: inputs.trials,
    describe: `EVPI = ${format.money(evpi.value)} (SE ${format.money(evpi.standardError)})`,
    locale: inputs.locale,
  });
  return {
    id: 'evpiWithinStake',
    label: `EVPI ≤ ${format.percent(rules.stopMaxEvpiShareOfStake)} of the expected PV of costs (${format.money(stake)}): no measurement could plausibly change the decision`,
    group: 'stop',
    met: evpi.value <= threshold,
    figure: evpi.value,
    threshold,
    comparison: '<=',
    standardError: evpi.standardError,
    tooClose: call.tooClose,
    ...(call.suggestedTrials !== null && { suggestedTrials: call.suggestedTrials }),
    ...(call.note && { note: call.note }),
  };
}
