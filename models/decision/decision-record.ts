import { z } from 'zod';
import { RECOMMENDATIONS } from '../gate/recommendation.ts';

/**
 * Messages of the decision record, as constants.
 *
 * @example
 * expect(() => createDecisionRecord({ ...record, rationale: '' })).toThrow(DECISION_RECORD_ERRORS.rationale);
 */
export const DECISION_RECORD_ERRORS = {
  invalid: 'invalid decision record',
  takenBy: 'say who took the decision',
  takenAt: 'must be an ISO date-time such as 2026-05-01T14:30:00Z',
  rationale: 'give the rationale for the decision',
  hash: 'must be a SHA-256 digest: 64 lowercase hex digits',
  engineVersion: 'name the engine version the run used',
} as const;

/**
 * One entry of the append-only decision log: what was decided, by whom, when and why,
 * beside what the gate recommended, pinned to the exact case version (its hash) and the
 * run (seed, trials, sampling, engine version) that anyone can replay.
 *
 * @example
 * decisionRecordSchema.safeParse(JSON.parse(line)).success
 */
export const decisionRecordSchema = z.strictObject({
  decision: z.enum(RECOMMENDATIONS),
  takenBy: z.string().trim().min(1, DECISION_RECORD_ERRORS.takenBy),
  takenAt: z.iso.datetime({ offset: true, error: DECISION_RECORD_ERRORS.takenAt }),
  rationale: z.string().trim().min(1, DECISION_RECORD_ERRORS.rationale),
  /** What the gate recommended; a decision that differs from it is allowed but on the record. */
  recommendation: z.enum(RECOMMENDATIONS),
  caseVersion: z.strictObject({
    caseId: z.string().min(1).optional(),
    version: z.number().int().min(1).optional(),
    hash: z.string().regex(/^[0-9a-f]{64}$/, DECISION_RECORD_ERRORS.hash),
  }),
  run: z.strictObject({
    runId: z.string().min(1).optional(),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    trials: z.number().int().min(1),
    sampling: z.enum(['mc', 'lhs']),
    engineVersion: z.string().min(1, DECISION_RECORD_ERRORS.engineVersion),
  }),
});

/** A decision record as written. */
export type DecisionRecordInput = z.input<typeof decisionRecordSchema>;
/** A validated decision record. */
export type DecisionRecord = z.output<typeof decisionRecordSchema>;

/**
 * Validates a decision record and returns it deeply frozen, since a log entry is never
 * edited: a changed decision is a new record. Throws a TypeError listing every problem
 * with its JSON pointer.
 *
 * @example
 * createDecisionRecord({
 *   decision: 'redesign', recommendation: 'redesign', takenBy: 'Investment board', takenAt: '2026-05-01T14:30:00Z',
 *   rationale: 'Adoption risk too high; rerun after the integration spike.',
 *   caseVersion: { hash: caseHash(bc) }, run: { seed: 1, trials: 10_000, sampling: 'lhs', engineVersion: '1.0.0' },
 * });
 */
export function createDecisionRecord(input: DecisionRecordInput): DecisionRecord {
  const parsed = decisionRecordSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `/${issue.path.map(String).join('/')} ${issue.message}`);
    throw new TypeError(`${DECISION_RECORD_ERRORS.invalid}: ${problems.join('; ')}`);
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
