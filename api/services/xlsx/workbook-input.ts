import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import type { BusinessCase } from '../../../models/case/case-schema.ts';
import type { GateResult } from '../../../models/gate/evaluate-gate.ts';
import type { RunRecord } from '../run-store.ts';

/**
 * The MIME type of an .xlsx workbook.
 *
 * @example
 * c.header('Content-Type', XLSX_CONTENT_TYPE);
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sheet names, in workbook order.
 *
 * @example
 * workbook.getWorksheet(WORKBOOK_SHEETS[3]) // the Results sheet
 */
export const WORKBOOK_SHEETS = ['Assumptions', 'Cost by category', 'Benefit by line', 'Results', 'Tornado', 'Gate'] as const;

/** Everything the workbook shows: one case version, the run on it, and its analyses. */
export interface CaseWorkbookInput {
  caseId: string;
  /** The validated case document of the run's version (defaults applied). */
  case: BusinessCase;
  /** The case's current version, to say when the run rests on an older one. */
  currentVersion: number;
  /** A succeeded run, with its summary and point estimate. */
  run: RunRecord;
  /** NPV tornado of the run's case version. */
  tornado: TornadoResult;
  /** The gate result and where it came from (a stored analysis, or computed for the export). */
  gate: { result: GateResult; source: string };
  exportedAt: Date;
}
