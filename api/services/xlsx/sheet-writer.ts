import type ExcelJS from 'exceljs';
import { safeCellValue } from './cell-values.ts';

/** A cell: a bare value, or a value with a number format. */
export type CellInput = unknown | { value: unknown; numFmt?: string };

/** The streaming writer's workbook (exceljs's WorkbookWriter, whose type exceljs does not export by name). */
export type StreamingWorkbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

interface PendingRow {
  cells: { value: string | number | null; numFmt?: string; wrap: boolean }[];
  bold: boolean;
  header: boolean;
}

function isFormatted(input: unknown): input is { value: unknown; numFmt?: string } {
  return typeof input === 'object' && input !== null && 'value' in input;
}

/**
 * Collects one sheet's rows (every value made injection-safe by safeCellValue), then
 * writes them through exceljs's streaming writer: column widths and frozen panes first,
 * each row committed and released, so the workbook never holds more than one sheet's
 * plain values — bounded by the case limits — instead of exceljs's full object model.
 *
 * @example
 * const writer = new SheetWriter(workbook, 'Tornado', { 3: 44 });
 * writer.header(['Rank', 'Input']);
 * writer.row([1, 'hours']);
 * writer.finish({ frozenColumns: 2 });
 */
export class SheetWriter {
  private readonly rows: (PendingRow | null)[] = [];
  private readonly widths: number[] = [];

  constructor(
    private readonly workbook: StreamingWorkbook,
    private readonly name: string,
    /** Widest a column may grow; longer text wraps. */
    private readonly maxWidth: Record<number, number> = {},
  ) {}

  header(titles: string[]): void {
    this.add(titles, { header: true, bold: true });
  }

  row(cells: CellInput[], options: { bold?: boolean } = {}): void {
    this.add(cells, { header: false, bold: options.bold ?? false });
  }

  blank(): void {
    this.rows.push(null);
  }

  /** Writes the sheet: frozen header row (and optionally the first columns), column widths, then the rows. */
  finish(options: { frozenColumns?: number } = {}): void {
    const sheet = this.workbook.addWorksheet(this.name, { views: [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: 1 }] });
    sheet.columns = this.widths.map((width, index) => ({ width: Math.min(Math.max(width + 2, 8), this.maxWidth[index + 1] ?? 48) }));
    this.rows.forEach((pending, index) => {
      const row = sheet.getRow(index + 1);
      if (pending) this.writeRow(row, pending);
      row.commit();
    });
    this.rows.length = 0;
    sheet.commit();
  }

  private add(cells: CellInput[], flags: { header: boolean; bold: boolean }): void {
    const written = cells.map((input, index) => {
      const spec = isFormatted(input) ? input : { value: input };
      const value = safeCellValue(spec.value);
      const width = typeof value === 'number' ? 14 : value === null ? 0 : Math.max(...value.split('\n').map((line) => line.length));
      this.widths[index] = Math.max(this.widths[index] ?? 0, width);
      const wrap = flags.header || (typeof value === 'string' && this.maxWidth[index + 1] !== undefined && value.length > this.maxWidth[index + 1]);
      return { value, numFmt: typeof value === 'number' ? spec.numFmt : undefined, wrap };
    });
    this.rows.push({ cells: written, ...flags });
  }

  private writeRow(row: ExcelJS.Row, pending: PendingRow): void {
    pending.cells.forEach((spec, index) => {
      const cell = row.getCell(index + 1);
      cell.value = spec.value;
      if (spec.numFmt) cell.numFmt = spec.numFmt;
      cell.alignment = spec.wrap ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
      if (pending.bold) cell.font = { bold: true };
      if (pending.header) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
        cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
      }
    });
  }
}
