import { ApiError, authorization, toProblem, url } from './api.ts';
import type { CaseResource, DiffChange } from './api-types.ts';

/** The MIME type of an .xlsx workbook. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a workbook import answers: the changes, and on a save the case at its new version. */
export interface WorkbookImport {
  changes: DiffChange[];
  baseVersion: number;
  currentVersion: number;
  dryRun?: boolean;
  saved?: boolean;
  complete?: boolean;
}

/**
 * Sends an edited workbook to POST /api/cases/{id}/import.xlsx: a preview (the diff,
 * nothing saved) without `ifMatch`, a save of the new version with it. Problems come
 * back as ApiError, their detail naming the sheet and cell.
 *
 * @example
 * const preview = await importWorkbook(caseId, file);
 * const saved = await importWorkbook(caseId, file, session.etag());
 */
export async function importWorkbook(caseId: string, file: Blob, ifMatch?: string): Promise<WorkbookImport & Partial<CaseResource>> {
  const response = await fetch(url(`/cases/${encodeURIComponent(caseId)}/import.xlsx`, ifMatch ? {} : { dryRun: true }), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': XLSX, ...authorization(), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    body: file,
  });
  if (!response.ok) throw new ApiError(response.status, await toProblem(response));
  return (await response.json()) as WorkbookImport & Partial<CaseResource>;
}
