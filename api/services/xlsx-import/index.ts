import type { BusinessCase } from '../../../models/case/case-schema.ts';
import { type AssumptionImport, applyAssumptions } from './apply-assumptions.ts';
import { readAssumptions } from './read-assumptions.ts';

export type { AssumptionImport } from './apply-assumptions.ts';
export { MAX_WORKBOOK_BYTES, readAssumptions, type AssumptionRow, type AssumptionsSheet } from './read-assumptions.ts';
export { WorkbookError } from './workbook-error.ts';

/**
 * Reads an edited workbook and applies its Assumptions sheet to a case. `baseFor` picks
 * the validated case version the workbook was exported from (by the case id and version
 * its footer names, when it still has them); the edits go into `current`. Throws
 * WorkbookError naming the sheet and cell of any problem.
 *
 * @example
 * const { document, changes } = await importWorkbook(bytes, () => bc, document);
 */
export async function importWorkbook(
  bytes: Uint8Array,
  baseFor: (footer: { caseId?: string; version?: number }) => BusinessCase | Promise<BusinessCase>,
  current: Record<string, unknown>,
): Promise<AssumptionImport & { baseVersion?: number }> {
  const sheet = await readAssumptions(bytes);
  const base = await baseFor({ caseId: sheet.caseId, version: sheet.version });
  return { ...applyAssumptions(sheet, base, current), baseVersion: sheet.version };
}
