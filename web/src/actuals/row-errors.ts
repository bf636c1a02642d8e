import { ApiError } from '../lib/api.ts';
import type { ActualsRow, ActualsRowError } from '../lib/api-types.ts';

const COLUMN_WORDS: Record<string, string> = {
  month: 'month',
  series: 'series',
  value: 'value',
  note: 'note',
};

/**
 * The bad rows a 422 from POST …/actuals names, or [] for any other error.
 *
 * @example
 * rowErrorsOf(new ApiError(422, { title: 'x', status: 422, errors: [{ row: 2, column: 'value', message: 'must be a number' }] } as never))
 * // [{ row: 2, column: 'value', message: 'must be a number' }]
 */
export function rowErrorsOf(error: unknown): ActualsRowError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const errors = (error.problem as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((entry): entry is ActualsRowError => typeof entry === 'object' && entry !== null && typeof (entry as { message?: unknown }).message === 'string')
    .map((entry) => ({ row: Number(entry.row), column: String(entry.column ?? ''), message: entry.message }));
}

/**
 * A CSV row error in words, with the line as it was pasted when it is known.
 *
 * @example
 * describeCsvError({ row: 3, column: 'value', message: 'must be a number' }) // 'Row 3, column "value": must be a number'
 */
export function describeCsvError(error: ActualsRowError, dataLines?: readonly string[]): string {
  if (error.row === 0 || error.column === 'header') return `The header line: ${error.message}`;
  const column = COLUMN_WORDS[error.column] ?? error.column;
  const line = dataLines?.[error.row - 1];
  const where = column ? `Row ${error.row}, column "${column}"` : `Row ${error.row}`;
  return `${where}: ${error.message}${line ? ` (the row reads "${line}")` : ''}`;
}

/**
 * A grid row error in words: the JSON row index is mapped back to the month and series it came from.
 *
 * @example
 * describeGridError({ row: 0, column: 'value', message: 'must be at least 0' }, [{ month: '2027-05', series: 'adoption', value: -1 }], () => 'Adoption')
 * // 'Adoption, 2027-05 (row 1, column "value"): must be at least 0'
 */
export function describeGridError(error: ActualsRowError, rows: readonly ActualsRow[], labelOf: (seriesId: string) => string): string {
  const row = rows[error.row];
  const column = COLUMN_WORDS[error.column] ?? error.column;
  const where = `row ${error.row + 1}${column ? `, column "${column}"` : ''}`;
  return row ? `${labelOf(row.series)}, ${row.month} (${where}): ${error.message}` : `${where[0].toUpperCase()}${where.slice(1)}: ${error.message}`;
}

/** The data lines of CSV text (the header and blank lines left out), so an error can quote its row. */
export function csvDataLines(csv: string): string[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  return /^\s*month\s*,/i.test(lines[0] ?? '') ? lines.slice(1) : lines;
}
