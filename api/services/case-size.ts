import { CASE_LIMITS, caseCountIssues, documentBytes } from '../../models/case/case-limits.ts';
import { ApiError } from '../server/problem.ts';

/**
 * Refuses, before any validation work, a case document larger than
 * CASE_LIMITS.documentBytes (413) or with more inputs, lines, variables, metrics or
 * variants than the limits (422 naming each); the schema checks the rest.
 *
 * @example
 * requireCaseWithinSize(await readJson(c));
 */
export function requireCaseWithinSize(document: unknown): void {
  const bytes = documentBytes(document);
  if (bytes > CASE_LIMITS.documentBytes) {
    const message = `the case document is ${bytes.toLocaleString('en')} bytes; the limit is ${CASE_LIMITS.documentBytes.toLocaleString('en')} bytes`;
    throw new ApiError(413, message, [{ path: '', message }], { limit: 'documentBytes', maximum: CASE_LIMITS.documentBytes, actual: bytes });
  }
  const issues = caseCountIssues(document);
  if (issues.length)
    throw new ApiError(
      422,
      `the case document is larger than the limits allow (${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})`,
      issues,
    );
}
