import { describe, expect, it } from 'vitest';
import { DECISION_RECORD_ERRORS, createDecisionRecord, decisionRecordSchema, type DecisionRecordInput } from '../../models/decision/decision-record.ts';

const hash = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

const valid: DecisionRecordInput = {
  decision: 'redesign',
  takenBy: 'Investment board',
  takenAt: '2026-05-01T14:30:00Z',
  rationale: 'Adoption risk too high; rerun after the integration spike.',
  recommendation: 'redesign',
  caseVersion: { caseId: 'contact-center', version: 3, hash },
  run: { runId: 'r-42', seed: 1, trials: 10_000, sampling: 'lhs', engineVersion: '1.0.0' },
};

describe('createDecisionRecord', () => {
  it('returns the validated record, frozen', () => {
    const record = createDecisionRecord(valid);
    expect(record).toEqual(valid);
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.run)).toBe(true);
    expect(() => {
      (record.run as { seed: number }).seed = 2;
    }).toThrow(TypeError);
  });

  it('records a decision that differs from the recommendation', () => {
    expect(createDecisionRecord({ ...valid, decision: 'scale', recommendation: 'redesign' }).decision).toBe('scale');
  });

  it('accepts a date-time with an offset and optional ids left out', () => {
    const record = createDecisionRecord({ ...valid, takenAt: '2026-05-01T16:30:00+02:00', caseVersion: { hash }, run: { ...valid.run, runId: undefined } });
    expect(record.caseVersion).toEqual({ hash });
  });

  it('rejects a date without a time, an empty rationale, a bad hash and an unknown decision, naming each', () => {
    const attempt = () =>
      createDecisionRecord({
        ...valid,
        takenAt: '2026-05-01',
        rationale: ' ',
        caseVersion: { hash: 'ABC' },
        decision: 'pause' as never,
      });
    expect(attempt).toThrow(DECISION_RECORD_ERRORS.invalid);
    expect(attempt).toThrow(`/takenAt ${DECISION_RECORD_ERRORS.takenAt}`);
    expect(attempt).toThrow(`/rationale ${DECISION_RECORD_ERRORS.rationale}`);
    expect(attempt).toThrow(`/caseVersion/hash ${DECISION_RECORD_ERRORS.hash}`);
    expect(attempt).toThrow('/decision');
  });

  it('rejects unknown fields, a bad sampling method and a non-integer trial count', () => {
    expect(decisionRecordSchema.safeParse({ ...valid, approvedBy: 'x' }).success).toBe(false);
    expect(decisionRecordSchema.safeParse({ ...valid, run: { ...valid.run, sampling: 'sobol' } }).success).toBe(false);
    expect(decisionRecordSchema.safeParse({ ...valid, run: { ...valid.run, trials: 10.5 } }).success).toBe(false);
    expect(decisionRecordSchema.safeParse({ ...valid, takenBy: '' }).success).toBe(false);
  });
});
