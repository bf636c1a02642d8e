import type ExcelJS from 'exceljs';
import { WorkbookError } from './workbook-error.ts';

/** A plain number typed as text ("1000", "-2.5", "1e6"); anything else in a number cell is an error. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The value a cell shows: a formula's cached result, rich text joined, hyperlinks as their text. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const object = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string; formula?: string };
  if (object.error) return { error: object.error };
  if ('formula' in object || 'sharedFormula' in object)
    return object.result ?? { error: 'a formula without a calculated value (open and save it in a spreadsheet first)' };
  if (object.richText) return object.richText.map((part) => part.text).join('');
  if (typeof object.text === 'string') return object.text;
  return value;
}

/**
 * A number cell: empty is undefined; a number, a formula's number result, or a plain
 * number typed as text are read; anything else is a WorkbookError naming the cell.
 *
 * @example
 * readNumber(sheet.getCell('D5'), 'Assumptions') // 250000
 */
export function readNumber(cell: ExcelJS.Cell, sheet: string): number | undefined {
  const value = shown(cell);
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (NUMBER_TEXT.test(text)) return Number(text);
    throw new WorkbookError(422, `text ${JSON.stringify(text.slice(0, 60))} where a number is expected`, sheet, cell.address);
  }
  const error = (value as { error?: string }).error;
  throw new WorkbookError(422, error ? `${error} where a number is expected` : `${typeof value} where a number is expected`, sheet, cell.address);
}

/**
 * A text cell (blank is undefined). The apostrophe the export put before text
 * starting with = + - @ (so no spreadsheet runs it) is removed again.
 *
 * @example
 * readText(sheet.getCell('B5'), 'Assumptions') // "=HYPERLINK(…)" back from "'=HYPERLINK(…)"
 */
export function readText(cell: ExcelJS.Cell, sheet: string): string | undefined {
  const value = shown(cell);
  if (value === undefined) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string')
    throw new WorkbookError(422, `${(value as { error?: string }).error ?? typeof value} where text is expected`, sheet, cell.address);
  // Not trimmed: a tab or newline after the apostrophe is the text's own (the caller compares trimmed).
  const text = value.replace(/^'(?=[=+\-@\t\r\n])/, '');
  return text.trim() === '' ? undefined : text;
}

/**
 * A list cell (discrete values or weights): numbers separated by semicolons, or one number.
 *
 * @example
 * readList(sheet.getCell('R5'), 'Assumptions') // [1, 2, 3] from "1; 2; 3"
 */
export function readList(cell: ExcelJS.Cell, sheet: string): number[] | undefined {
  const value = shown(cell);
  if (typeof value === 'number') return [value];
  const text = readText(cell, sheet);
  if (text === undefined) return undefined;
  return text.split(/\s*;\s*/).map((part) => {
    if (!NUMBER_TEXT.test(part))
      throw new WorkbookError(422, `"${part.slice(0, 40)}" in the list is not a number (separate numbers with ;)`, sheet, cell.address);
    return Number(part);
  });
}
