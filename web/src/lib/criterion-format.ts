import type { Criterion } from '../../../models/gate/gate-criteria.ts';
import { paybackMonths, type CaseFormat } from './format.ts';

export interface CriterionFigures {
  figure: string;
  threshold: string;
  error: string;
}

/**
 * A gate criterion's figure, threshold and Monte Carlo error in the units the criterion
 * is about: probabilities as percentages, payback in months with its interval, EVPI in
 * money, readiness as the share of items met.
 *
 * @example
 * criterionFigures(criterion, format).figure // '72.4%'
 */
export function criterionFigures(criterion: Criterion, format: CaseFormat): CriterionFigures {
  const op = criterion.comparison === '>=' ? '≥' : criterion.comparison === '<=' ? '≤' : '<';
  const id = criterion.id;
  if (id === 'businessOwner') return { figure: criterion.met ? 'named' : 'none', threshold: 'named', error: '—' };
  if (id === 'quantifiedBaseline') return { figure: `${criterion.figure} metric${criterion.figure === 1 ? '' : 's'}`, threshold: `${op} 1`, error: '—' };
  if (id.endsWith('ProbabilityPositive')) {
    return {
      figure: format.percent(criterion.figure),
      threshold: `${op} ${format.percent(criterion.threshold)}`,
      error: criterion.standardError === null ? '—' : `± ${format.percent(criterion.standardError, 2)}`,
    };
  }
  if (id === 'medianDiscountedPayback') {
    const interval = criterion.interval
      ? `95% CI ${format.months(paybackMonths(criterion.interval[0]))} to ${format.months(paybackMonths(criterion.interval[1]))}`
      : '—';
    return { figure: format.months(paybackMonths(criterion.figure)), threshold: `${op} ${format.months(criterion.threshold)}`, error: interval };
  }
  if (id.startsWith('readiness.'))
    return { figure: `${format.percent(criterion.figure, 0)} of items`, threshold: `${op} ${format.percent(criterion.threshold, 0)}`, error: '—' };
  if (id === 'evpiWithinStake') {
    return {
      figure: format.money(criterion.figure),
      threshold: `${op} ${format.money(criterion.threshold)}`,
      error: criterion.standardError === null ? '—' : `± ${format.money(criterion.standardError)}`,
    };
  }
  return {
    figure: format.value(criterion.figure),
    threshold: `${op} ${format.value(criterion.threshold)}`,
    error: criterion.standardError === null ? '—' : `± ${format.value(criterion.standardError)}`,
  };
}

/** Group headings of the gate's criteria, in decision order. */
export const CRITERION_GROUP_LABELS = {
  prerequisite: 'Prerequisites (else: keep as research)',
  scale: 'Scale: all must be met',
  stop: 'Stop: all must be met',
} as const;
