export { buildCaseWorkbook } from './case-workbook.ts';
export { safeCellValue, storedNumber } from './cell-values.ts';
export { describeDistribution } from './describe-distribution.ts';
export { XLSX_CONTENT_TYPE, WORKBOOK_SHEETS, type CaseWorkbookInput } from './workbook-input.ts';
