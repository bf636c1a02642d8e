import type { SobolAnalysisResult } from '../../../models/analysis/sobol-analysis.ts';
import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import type { VoiResult } from '../../../models/analysis/value-of-information.ts';
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
 * workbook.getWorksheet(WORKBOOK_SHEETS[1]) // the Model sheet
 */
export const WORKBOOK_SHEETS = ['Assumptions', 'Model', 'Results', 'Distributions', 'Cost by category', 'Benefit by line', 'Tornado', 'Gate'] as const;

/** Sheets added when the run has the stored analysis (after Tornado). */
export const OPTIONAL_SHEETS = ['Sobol', 'EVPPI'] as const;

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
  /** A stored Sobol analysis of the run, if any. */
  sobol?: { result: SobolAnalysisResult; source: string };
  /** A stored value-of-information analysis of the run, if any. */
  voi?: { result: VoiResult; source: string };
  exportedAt: Date;
}
