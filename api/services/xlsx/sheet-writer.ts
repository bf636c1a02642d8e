import type ExcelJS from 'exceljs';
import { columnLetters } from './assumption-columns.ts';
import { safeCellValue } from './cell-values.ts';

/**
 * A cell: a bare value, or a value with a number format, an optional note and an
 * optional formula. Formulas are valuegate's own text (names, cell references, numbers
 * and functions, never a case's free text), so they are not escaped; the value shown
 * with a formula is its cached result, or none for the spreadsheet to compute.
 */
export type CellInput = unknown | { value: unknown; numFmt?: string; formula?: string; note?: string; name?: string };

/** The streaming writer's workbook (exceljs's WorkbookWriter, whose type exceljs does not export by name). */
export type StreamingWorkbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

interface PendingCell {
  value: string | number | null;
  numFmt?: string;
  wrap: boolean;
  formula?: string;
  note?: string;
  /** A workbook-level defined name for this cell. */
  name?: string;
}

interface PendingRow {
  cells: PendingCell[];
  bold: boolean;
  header: boolean;
}

function isFormatted(input: unknown): input is { value: unknown; numFmt?: string; formula?: string; note?: string; name?: string } {
  return typeof input === 'object' && input !== null && ('value' in input || 'formula' in input);
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
  /** Rows above the column headers (the run's provenance on simulated sheets). */
  private headingRows = 0;
  /** Streaming mode: the sheet, open from the start, and the rows written so far. */
  private readonly sheet?: ExcelJS.Worksheet;
  private written = 0;

  constructor(
    private readonly workbook: StreamingWorkbook,
    private readonly name: string,
    /** Widest a column may grow; longer text wraps. */
    private readonly maxWidth: Record<number, number> = {},
    /**
     * Streaming mode, for sheets as large as the case (the Model sheet): column widths are
     * given up front and each row is written and released as it is added, so memory does
     * not grow with the sheet. Without it rows are kept until finish() sizes the columns.
     */
    stream?: { widths: number[]; frozenColumns?: number; pageSetup?: Partial<ExcelJS.PageSetup> },
  ) {
    if (!stream) return;
    this.sheet = this.open({ frozenColumns: stream.frozenColumns, pageSetup: stream.pageSetup });
    this.sheet.columns = stream.widths.map((width) => ({ width }));
  }

  header(titles: string[]): void {
    this.add(titles, { header: true, bold: true });
  }

  /** A line above the column headers (call before header()); frozen with them. */
  heading(text: string): void {
    this.headingRows++;
    this.rows.push({ cells: [{ value: safeCellValue(text), wrap: false }], bold: true, header: false });
  }

  /** The 1-based row number the next row() will get. */
  get nextRow(): number {
    return (this.sheet ? this.written : this.rows.length) + 1;
  }

  row(cells: CellInput[], options: { bold?: boolean } = {}): void {
    this.add(cells, { header: false, bold: options.bold ?? false });
  }

  blank(): void {
    if (this.sheet) this.written++;
    else this.rows.push(null);
  }

  /** Writes the sheet: frozen header row (and optionally the first columns), column widths, then the rows. */
  finish(options: { frozenColumns?: number; pageSetup?: Partial<ExcelJS.PageSetup> } = {}): void {
    if (this.sheet) return void this.sheet.commit();
    const sheet = this.open(options);
    sheet.columns = this.widths.map((width, index) => ({ width: Math.min(Math.max(width + 2, 8), this.maxWidth[index + 1] ?? 48) }));
    this.rows.forEach((pending, index) => {
      const row = sheet.getRow(index + 1);
      if (pending) this.writeRow(row, pending, index + 1);
      row.commit();
    });
    this.rows.length = 0;
    sheet.commit();
  }

  private open(options: { frozenColumns?: number; pageSetup?: Partial<ExcelJS.PageSetup> }): ExcelJS.Worksheet {
    return this.workbook.addWorksheet(this.name, {
      views: [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: this.headingRows + 1 }],
      pageSetup: { orientation: 'landscape', ...options.pageSetup },
    });
  }

  private add(cells: CellInput[], flags: { header: boolean; bold: boolean }): void {
    const written = cells.map((input, index) => {
      const spec: { value?: unknown; numFmt?: string; formula?: string; note?: string; name?: string } = isFormatted(input) ? input : { value: input };
      const value = safeCellValue(spec.value);
      const width = typeof value === 'number' || spec.formula ? 14 : value === null ? 0 : Math.max(...value.split('\n').map((line) => line.length));
      this.widths[index] = Math.max(this.widths[index] ?? 0, width);
      const wrap = flags.header || (typeof value === 'string' && this.maxWidth[index + 1] !== undefined && value.length > this.maxWidth[index + 1]);
      const numFmt = typeof value === 'number' || spec.formula ? spec.numFmt : undefined;
      const note = spec.note === undefined ? undefined : String(safeCellValue(spec.note));
      return { value, numFmt, wrap, formula: spec.formula, note, name: spec.name };
    });
    if (!this.sheet) return void this.rows.push({ cells: written, ...flags });
    const row = this.sheet.getRow(++this.written);
    this.writeRow(row, { cells: written, ...flags }, this.written);
    row.commit();
  }

  private writeRow(row: ExcelJS.Row, pending: PendingRow, rowNumber: number): void {
    pending.cells.forEach((spec, index) => {
      const cell = row.getCell(index + 1);
      cell.value = spec.formula ? { formula: spec.formula, date1904: false } : spec.value;
      if (spec.note) cell.note = spec.note;
      if (spec.name) this.workbook.definedNames.add(`${this.name}!$${columnLetters(index + 1)}$${rowNumber}`, spec.name);
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
