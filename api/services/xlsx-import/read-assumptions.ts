import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../xlsx/load-exceljs.ts';
import {
  ASSUMPTION_HEADER,
  ASSUMPTIONS_MARK,
  assumptionColumn,
  columnLetters,
  LIST_PARAMETERS,
  NUMBER_PARAMETERS,
  type NumberParameter,
} from '../xlsx/assumption-columns.ts';
import { readList, readNumber, readText } from './read-cells.ts';
import { WorkbookError } from './workbook-error.ts';
import { zipExpandedSize } from './zip-expanded-size.ts';

/** The most a workbook file may weigh (an exported one is tens of kilobytes). */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
/**
 * The most its files may expand to: an export of the largest accepted case is well under
 * it, and it keeps a zip bomb from filling the server's memory.
 */
export const MAX_EXPANDED_BYTES = 128 * 1024 * 1024;
/** At most this many input rows are read (the case format's own limit is lower). */
const MAX_ROWS = 2000;
const SHEET = 'Assumptions';

/** One input row as read, with its row number for error messages. */
export interface AssumptionRow {
  row: number;
  id: string;
  label?: string;
  unit?: string;
  source?: string;
  type?: string;
  point?: number;
  numbers: Partial<Record<NumberParameter, number>>;
  lists: { values?: number[]; weights?: number[] };
  truncate: { min?: number; max?: number };
  measurementCost?: number;
}

/** The Assumptions sheet of a valuegate workbook: its rows, and the case and version its footer names. */
export interface AssumptionsSheet {
  rows: AssumptionRow[];
  caseId?: string;
  version?: number;
}

/**
 * Reads the Assumptions sheet of a workbook valuegate exported. Throws WorkbookError:
 * 413 for a file over MAX_WORKBOOK_BYTES, 415 for a file that is not an .xlsx (zip)
 * workbook, 400 for one that cannot be read, 422 for a workbook without the sheet, a
 * header that is not ours (changed or deleted), a duplicate name, or a cell that does
 * not parse, each naming the sheet and cell.
 *
 * @example
 * const { rows, caseId, version } = await readAssumptions(bytes);
 */
export async function readAssumptions(bytes: Uint8Array): Promise<AssumptionsSheet> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    throw new WorkbookError(
      413,
      `the file is ${bytes.byteLength.toLocaleString('en')} bytes; a workbook may be at most ${MAX_WORKBOOK_BYTES.toLocaleString('en')}`,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookError(415, 'not an Excel workbook (.xlsx): the file is not a zip archive');
  const expanded = zipExpandedSize(bytes);
  if (expanded !== null && expanded > MAX_EXPANDED_BYTES) {
    const size = Number.isFinite(expanded) ? `${expanded.toLocaleString('en')} bytes` : 'more than 4 GB';
    throw new WorkbookError(413, `the workbook's files expand to ${size}; a workbook may expand to at most ${MAX_EXPANDED_BYTES.toLocaleString('en')}`);
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookError(400, `the .xlsx workbook cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) {
    const names = workbook.worksheets.map((each) => `"${each.name}"`).join(', ');
    throw new WorkbookError(422, `not a workbook exported by valuegate: it has no sheet named "${SHEET}" (its sheets: ${names || 'none'})`);
  }
  checkHeader(sheet);
  return readRows(sheet);
}

function checkHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  ASSUMPTION_HEADER.forEach((title, index) => {
    const cell = header.getCell(index + 1);
    const found = cell.value === null || cell.value === undefined ? 'nothing' : JSON.stringify(String(cell.text).slice(0, 60));
    if (cell.text !== title) {
      throw new WorkbookError(
        422,
        `expected the column header "${title}" of a valuegate Assumptions sheet, found ${found}; keep the header row as exported`,
        SHEET,
        `${columnLetters(index + 1)}1`,
      );
    }
  });
}

function readRows(sheet: ExcelJS.Worksheet): AssumptionsSheet {
  const rows: AssumptionRow[] = [];
  const seen = new Map<string, number>();
  let rowNumber = 2;
  for (; rowNumber <= MAX_ROWS + 1; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const empty = ASSUMPTION_HEADER.every((_, index) => {
      const value = row.getCell(index + 1).value;
      return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    });
    if (empty) break;
    const parsed = readRow(row, rowNumber);
    const earlier = seen.get(parsed.id);
    if (earlier) throw new WorkbookError(422, `the name "${parsed.id}" is also in row ${earlier}; each input has one row`, SHEET, `A${rowNumber}`);
    seen.set(parsed.id, rowNumber);
    rows.push(parsed);
  }
  return { rows, ...footer(sheet, rowNumber) };
}

/** The case id and version the footer line names, if it is still there. */
function footer(sheet: ExcelJS.Worksheet, after: number): { caseId?: string; version?: number } {
  for (let rowNumber = after; rowNumber <= after + 3; rowNumber++) {
    const text = sheet.getRow(rowNumber).getCell(1).text;
    const match = new RegExp(`^${ASSUMPTIONS_MARK} of case (\\S+), version (\\d+)\\.`).exec(text);
    if (match) return { caseId: match[1], version: Number(match[2]) };
  }
  return {};
}

function readRow(row: ExcelJS.Row, rowNumber: number): AssumptionRow {
  const cell = (title: (typeof ASSUMPTION_HEADER)[number]) => row.getCell(assumptionColumn(title));
  const id = readText(cell('Name'), SHEET)?.trim();
  if (!id) throw new WorkbookError(422, 'the input has no name; every row needs one (letters, digits and _)', SHEET, `A${rowNumber}`);
  const numbers: AssumptionRow['numbers'] = {};
  for (const key of NUMBER_PARAMETERS) {
    const value = readNumber(cell(key), SHEET);
    if (value !== undefined) numbers[key] = value;
  }
  const lists: AssumptionRow['lists'] = {};
  for (const key of LIST_PARAMETERS) {
    const value = readList(cell(key), SHEET);
    if (value !== undefined) lists[key] = value;
  }
  return {
    row: rowNumber,
    id,
    label: readText(cell('Label'), SHEET),
    unit: readText(cell('Unit'), SHEET),
    source: readText(cell('Source / rationale'), SHEET),
    type: readText(cell('Distribution'), SHEET)?.trim(),
    point: readNumber(cell('Point value (median)'), SHEET),
    numbers,
    lists,
    truncate: { min: readNumber(cell('truncate min'), SHEET), max: readNumber(cell('truncate max'), SHEET) },
    measurementCost: readNumber(cell('Measurement cost'), SHEET),
  };
}
