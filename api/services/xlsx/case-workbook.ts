import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { evppiSheet, sobolSheet } from './analyses-sheets.ts';
import { assumptionsSheet } from './assumptions-sheet.ts';
import { distributionSheet } from './distribution-sheet.ts';
import { benefitSheet } from './benefit-sheet.ts';
import { safeCellValue } from './cell-values.ts';
import { costSheet } from './cost-sheet.ts';
import { usableLocale } from './describe-distribution.ts';
import { gateSheet } from './gate-sheet.ts';
import { modelSheet } from './model-sheet.ts';
import { numberFormats } from './number-formats.ts';
import { resultsSheet } from './results-sheet.ts';
import { tornadoSheet } from './tornado-sheet.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { loadExcelJs } from './load-exceljs.ts';

/**
 * Builds the case workbook: Assumptions (named point values), the live Model sheet
 * (formulas reproducing the exact point estimate), then the run's simulated results as
 * values, each sheet headed with the run's settings: Results, Distributions, Cost by
 * category, Benefit by line, Tornado, Sobol and EVPPI (when stored) and Gate. Every text
 * cell is injection-safe; the only formulas are the Model sheet's own.
 * Written with exceljs's streaming writer (inline strings, each sheet committed when
 * done), so memory grows with the file's bytes, not with exceljs's object model.
 *
 * @example
 * const bytes = await buildCaseWorkbook({ caseId, case: bc, currentVersion: 2, run, tornado, gate, exportedAt: new Date() });
 */
export async function buildCaseWorkbook(input: CaseWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  calculateOnLoad(workbook);
  workbook.creator = 'valuegate';
  workbook.created = input.exportedAt;
  // The writer has no title property of its own; the document properties take it from here.
  (workbook as unknown as { title: string }).title = String(safeCellValue(input.case.name));
  const formats = numberFormats(input.case.currency);
  const locale = usableLocale(input.case.locale);

  assumptionsSheet(workbook, input, formats, locale);
  // Runs stored before the point estimate had an IRR leave it undefined: the Model sheet then traces the point estimate.
  await modelSheet(workbook, input.case, formats, input.run.pointEstimate?.irrAnnual, input.run.representativenessFactors);
  resultsSheet(workbook, input, formats);
  distributionSheet(workbook, input, formats);
  costSheet(workbook, input, formats);
  benefitSheet(workbook, input, formats);
  tornadoSheet(workbook, input, formats);
  sobolSheet(workbook, input);
  evppiSheet(workbook, input, formats);
  gateSheet(workbook, input, formats);

  await workbook.commit();
  await ended;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as Uint8Array<ArrayBuffer>;
}

/**
 * Asks the spreadsheet to calculate every formula when it opens the file (`fullCalcOnLoad`):
 * the Model sheet's formulas carry no cached values. exceljs's streaming writer has no
 * option for it, so the one workbook.xml part it appends gets the attribute.
 */
function calculateOnLoad(workbook: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>): void {
  const zip = (workbook as unknown as { zip: { append(source: unknown, options: { name: string }): unknown } }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, options) =>
    append(
      options.name === '/xl/workbook.xml' && typeof source === 'string'
        ? source.replace(/<calcPr calcId="(\d+)"\/>/, '<calcPr calcId="$1" fullCalcOnLoad="1"/>')
        : source,
      options,
    );
}
