import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use. Its module graph took about 0.15 s to load, which every
 * CLI call paid while the bundle imported it at the top, even `valuegate validate`.
 *
 * @example
 * const ExcelJS = await loadExcelJs();
 * const workbook = new ExcelJS.Workbook();
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
}
