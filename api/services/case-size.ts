import { CASE_LIMITS, documentBytes } from '../../models/case/case-limits.ts';
import { ApiError } from '../server/problem.ts';

/**
 * Refuses a case document larger than CASE_LIMITS.documentBytes with 413, before any
 * validation work; the counts (inputs, lines, …) are the schema's, answered with 422.
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
}
