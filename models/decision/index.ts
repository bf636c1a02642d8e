export { sha256 } from './sha256.ts';
export { CANONICAL_JSON_ERRORS, canonicalJson } from './canonical-json.ts';
export { caseHash } from './case-hash.ts';
export {
  DECISION_RECORD_ERRORS,
  createDecisionRecord,
  decisionRecordSchema,
  type DecisionRecord,
  type DecisionRecordInput,
} from './decision-record.ts';
