import type { BusinessCaseOutline } from '../../../models/report/outline-types.ts';
import { download, json, url } from './api.ts';

/** The business case outline of a case's latest succeeded run, as the API builds it. */
export type BusinessCaseResource = BusinessCaseOutline & { runId: string; caseVersion: number };

/**
 * Reads the business case outline (`GET /api/cases/{id}/business-case`).
 *
 * @example
 * const outline = await loadBusinessCase(caseId);
 */
export function loadBusinessCase(caseId: string): Promise<BusinessCaseResource> {
  return json<BusinessCaseResource>('GET', `/cases/${encodeURIComponent(caseId)}/business-case`);
}

/**
 * Downloads the business case as an editable Word document, as the signed-in user.
 *
 * @example
 * await downloadBusinessCaseDocx(caseId);
 */
export function downloadBusinessCaseDocx(caseId: string): Promise<void> {
  return download(url(`/cases/${encodeURIComponent(caseId)}/business-case.docx`), 'business-case.docx');
}
