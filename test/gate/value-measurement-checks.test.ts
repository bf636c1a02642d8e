import { describe, expect, it } from 'vitest';
import { VALUE_MEASUREMENT_DETAILS, valueMeasurementChecks, type ValueMeasurementSections } from '../../models/gate/value-measurement-checks.ts';

const complete: ValueMeasurementSections = {
  baseline: { metrics: [{ id: 'aht', label: 'Average handle time', value: 9.5, unit: 'min', source: 'CRM' }] },
  valueHypothesis: { statement: 'Handle time falls by 20%', expectedChanges: [{ metric: 'aht', expected: 7.6 }] },
  measurementPlan: { metric: 'Average handle time', method: 'A/B by team', when: 'monthly' },
  decisionCriteria: { setOn: '2026-01-10', scale: 'P ≥ 80%', stop: 'P < 30%', firstResultsOn: '2026-03-01' },
};

const outcome = (sections: ValueMeasurementSections, today?: string) =>
  Object.fromEntries(valueMeasurementChecks(sections, today).map((check) => [check.id, check.passed]));

describe('valueMeasurementChecks', () => {
  it('passes a case with baseline, hypothesis, plan and criteria set before results', () => {
    const checks = valueMeasurementChecks(complete, '2026-05-01');
    expect(checks.map((check) => [check.id, check.passed])).toEqual([
      ['quantifiedBaseline', 'yes'],
      ['valueHypothesis', 'yes'],
      ['measurementPlan', 'yes'],
      ['criteriaBeforeResults', 'yes'],
      ['documentedInputs', 'yes'],
    ]);
    expect(checks[0].detail).toBe('1 baseline metric: Average handle time');
    expect(checks[2].detail).toBe('Average handle time, by A/B by team, monthly');
    expect(checks[3].detail).toBe('criteria set on 2026-01-10, first results on 2026-03-01');
  });

  it('fails every check of an empty case', () => {
    const checks = valueMeasurementChecks({});
    expect(checks.map((check) => check.passed)).toEqual(['no', 'no', 'no', 'no', 'yes']);
    expect(checks.map((check) => check.detail)).toEqual([
      VALUE_MEASUREMENT_DETAILS.noBaseline,
      VALUE_MEASUREMENT_DETAILS.noHypothesis,
      VALUE_MEASUREMENT_DETAILS.noPlan,
      VALUE_MEASUREMENT_DETAILS.noCriteria,
      'the case has no inputs to document',
    ]);
  });

  it('fails criteria set after the first results', () => {
    const checks = valueMeasurementChecks({ ...complete, decisionCriteria: { ...complete.decisionCriteria!, setOn: '2026-03-02' } });
    expect(checks[3].passed).toBe('no');
    expect(checks[3].detail).toMatch(/after the first results on 2026-03-01/);
  });

  it('accepts criteria set on the day of the first results', () => {
    expect(outcome({ ...complete, decisionCriteria: { ...complete.decisionCriteria!, setOn: '2026-03-01' } }).criteriaBeforeResults).toBe('yes');
  });

  it('is partly when the first-results date is missing: the timing cannot be verified', () => {
    const { firstResultsOn: _omitted, ...criteria } = complete.decisionCriteria!;
    const checks = valueMeasurementChecks({ ...complete, decisionCriteria: criteria });
    expect(checks[3]).toMatchObject({ passed: 'partly', detail: VALUE_MEASUREMENT_DETAILS.timingUnverifiable });
  });

  it('fails criteria dated after today', () => {
    expect(outcome(complete, '2026-01-09').criteriaBeforeResults).toBe('no');
    expect(outcome(complete, '2026-01-10').criteriaBeforeResults).toBe('yes');
  });

  it('is partly for a described but unquantified baseline, a hypothesis without changes, a blank plan field', () => {
    const result = outcome({
      baseline: { description: 'Agents spend long on wrap-up', metrics: [] },
      valueHypothesis: { statement: 'Wrap-up gets shorter', expectedChanges: [] },
      measurementPlan: { metric: 'Wrap-up time', method: ' ', when: 'weekly' },
    });
    expect(result).toEqual({
      quantifiedBaseline: 'partly',
      valueHypothesis: 'partly',
      measurementPlan: 'partly',
      criteriaBeforeResults: 'no',
      documentedInputs: 'yes',
    });
    expect(valueMeasurementChecks({ measurementPlan: { metric: 'x', method: ' ', when: ' ' } })[2].detail).toBe(
      'the measurement plan does not say: method, when',
    );
  });

  it('counts the inputs without a unit or a source', () => {
    const fixed = { type: 'fixed' as const, value: 1 };
    const inputs = {
      seats: { unit: 'seats', source: 'HR roster', distribution: fixed },
      rate: { unit: '', source: 'finance', distribution: fixed },
      share: { unit: 'share', distribution: fixed },
    };
    expect(valueMeasurementChecks({ inputs })[4]).toMatchObject({
      id: 'documentedInputs',
      passed: 'partly',
      detail: '2 of 3 inputs have no unit or no source: rate, share',
    });
    expect(valueMeasurementChecks({ inputs: { rate: inputs.rate, share: inputs.share } })[4].passed).toBe('no');
    expect(valueMeasurementChecks({ inputs: { seats: inputs.seats } })[4].detail).toBe('the one input has a unit and a source');
  });

  it('fails a baseline with neither metrics nor description', () => {
    expect(outcome({ baseline: { metrics: [] } }).quantifiedBaseline).toBe('no');
  });
});
