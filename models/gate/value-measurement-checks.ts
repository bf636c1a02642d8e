import type { BusinessCase } from '../case/case-schema.ts';

/** Outcome of one automatic check. */
export type CheckOutcome = 'yes' | 'partly' | 'no';

/**
 * Identifiers of the automatic value-measurement checks, in review order.
 *
 * @example
 * VALUE_MEASUREMENT_CHECK_IDS[3] // 'criteriaBeforeResults'
 */
export const VALUE_MEASUREMENT_CHECK_IDS = ['quantifiedBaseline', 'valueHypothesis', 'measurementPlan', 'criteriaBeforeResults', 'documentedInputs'] as const;
export type ValueMeasurementCheckId = (typeof VALUE_MEASUREMENT_CHECK_IDS)[number];

/** One automatic check of the value-measurement gate. */
export interface ValueMeasurementCheck {
  id: ValueMeasurementCheckId;
  label: string;
  passed: CheckOutcome;
  /** Why, in a sentence. */
  detail: string;
}

/** The parts of a case the checks read. */
export type ValueMeasurementSections = Pick<BusinessCase, 'baseline' | 'valueHypothesis' | 'measurementPlan' | 'decisionCriteria'> &
  Partial<Pick<BusinessCase, 'inputs'>>;

/**
 * Labels of the checks, as they appear in reports.
 *
 * @example
 * VALUE_MEASUREMENT_CHECK_LABELS.quantifiedBaseline // 'Quantified baseline'
 */
export const VALUE_MEASUREMENT_CHECK_LABELS = {
  quantifiedBaseline: 'Quantified baseline',
  valueHypothesis: 'Value hypothesis with expected changes',
  measurementPlan: 'Measurement plan (metric, method, when)',
  criteriaBeforeResults: 'Scale/stop criteria set before results were seen',
  documentedInputs: 'Every input has a unit and a source',
} as const satisfies Record<ValueMeasurementCheckId, string>;

/**
 * Check details, as constants.
 *
 * @example
 * valueMeasurementChecks({})[0].detail === VALUE_MEASUREMENT_DETAILS.noBaseline // true
 */
export const VALUE_MEASUREMENT_DETAILS = {
  noBaseline: 'no baseline: there is nothing to measure the change against',
  baselineNotQuantified: 'the baseline is described but has no metric with a value',
  noHypothesis: 'no value hypothesis: the case does not say what should change',
  hypothesisWithoutChanges: 'the value hypothesis names no expected change in a baseline metric',
  noPlan: 'no measurement plan: nobody has said how value will be measured',
  noCriteria: 'no scale/stop criteria: the decision could be argued after the fact',
  timingUnverifiable: 'the date of the first results is not recorded, so it cannot be verified that the criteria came first',
} as const;

/**
 * The automatic value-measurement gate: (a) a quantified baseline, (b) a value
 * hypothesis with at least one expected change, (c) a measurement plan naming metric,
 * method and timing, and (d) scale/stop criteria agreed before the first results, so
 * the bar cannot be moved to fit them. When `today` (YYYY-MM-DD) is given, criteria
 * dated after it fail: they cannot have been agreed yet.
 *
 * @example
 * valueMeasurementChecks({ decisionCriteria: { setOn: '2026-03-01', scale: 'p ≥ 0.8', stop: 'p < 0.3', firstResultsOn: '2026-02-01' } })[3].passed
 * // 'no'
 */
export function valueMeasurementChecks(sections: ValueMeasurementSections, today?: string): ValueMeasurementCheck[] {
  return [baselineCheck(sections), hypothesisCheck(sections), planCheck(sections), criteriaCheck(sections, today), documentedInputsCheck(sections)];
}

/**
 * (e) Every input says in what unit it is counted and where its estimate comes from:
 * an undocumented input cannot be measured against later. Counts those that do not;
 * 'partly' when some do not, 'no' when none of several does.
 */
function documentedInputsCheck({ inputs }: ValueMeasurementSections): ValueMeasurementCheck {
  const entries = Object.entries(inputs ?? {});
  const undocumented = entries.filter(([, input]) => !input.unit?.trim() || !input.source?.trim()).map(([name]) => name);
  if (entries.length === 0) return check('documentedInputs', 'yes', 'the case has no inputs to document');
  if (undocumented.length === 0)
    return check(
      'documentedInputs',
      'yes',
      entries.length === 1 ? 'the one input has a unit and a source' : `all ${entries.length} inputs have a unit and a source`,
    );
  const detail = `${undocumented.length} of ${entries.length} inputs have no unit or no source: ${undocumented.join(', ')}`;
  return check('documentedInputs', undocumented.length === entries.length && entries.length > 1 ? 'no' : 'partly', detail);
}

function check(id: ValueMeasurementCheckId, passed: CheckOutcome, detail: string): ValueMeasurementCheck {
  return { id, label: VALUE_MEASUREMENT_CHECK_LABELS[id], passed, detail };
}

function baselineCheck({ baseline }: ValueMeasurementSections): ValueMeasurementCheck {
  if (!baseline) return check('quantifiedBaseline', 'no', VALUE_MEASUREMENT_DETAILS.noBaseline);
  const count = baseline.metrics.length;
  if (count === 0) {
    // A description alone is a start, but it cannot show a change.
    return check('quantifiedBaseline', baseline.description?.trim() ? 'partly' : 'no', VALUE_MEASUREMENT_DETAILS.baselineNotQuantified);
  }
  const names = baseline.metrics.map((metric) => metric.label).join(', ');
  return check('quantifiedBaseline', 'yes', `${count} baseline metric${count === 1 ? '' : 's'}: ${names}`);
}

function hypothesisCheck({ valueHypothesis }: ValueMeasurementSections): ValueMeasurementCheck {
  if (!valueHypothesis) return check('valueHypothesis', 'no', VALUE_MEASUREMENT_DETAILS.noHypothesis);
  const count = valueHypothesis.expectedChanges.length;
  if (count === 0) return check('valueHypothesis', 'partly', VALUE_MEASUREMENT_DETAILS.hypothesisWithoutChanges);
  return check('valueHypothesis', 'yes', `${count} expected change${count === 1 ? '' : 's'}: ${valueHypothesis.statement}`);
}

function planCheck({ measurementPlan }: ValueMeasurementSections): ValueMeasurementCheck {
  if (!measurementPlan) return check('measurementPlan', 'no', VALUE_MEASUREMENT_DETAILS.noPlan);
  // The schema requires the three fields; blank text still says nothing.
  const missing = (['metric', 'method', 'when'] as const).filter((field) => !measurementPlan[field].trim());
  if (missing.length > 0) return check('measurementPlan', 'partly', `the measurement plan does not say: ${missing.join(', ')}`);
  return check('measurementPlan', 'yes', `${measurementPlan.metric}, by ${measurementPlan.method}, ${measurementPlan.when}`);
}

function criteriaCheck({ decisionCriteria }: ValueMeasurementSections, today: string | undefined): ValueMeasurementCheck {
  if (!decisionCriteria) return check('criteriaBeforeResults', 'no', VALUE_MEASUREMENT_DETAILS.noCriteria);
  const { setOn, firstResultsOn } = decisionCriteria;
  // ISO dates (YYYY-MM-DD) compare correctly as strings.
  if (today !== undefined && setOn > today) {
    return check('criteriaBeforeResults', 'no', `the criteria are dated ${setOn}, after today (${today})`);
  }
  if (firstResultsOn === undefined) return check('criteriaBeforeResults', 'partly', VALUE_MEASUREMENT_DETAILS.timingUnverifiable);
  if (setOn <= firstResultsOn) return check('criteriaBeforeResults', 'yes', `criteria set on ${setOn}, first results on ${firstResultsOn}`);
  return check(
    'criteriaBeforeResults',
    'no',
    `criteria set on ${setOn}, after the first results on ${firstResultsOn}: the bar may have been moved to fit them`,
  );
}
