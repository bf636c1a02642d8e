import type { BusinessCase } from '../../models/case/case-schema.ts';
import { closestName } from '../../models/case/closest-name.ts';
import type { ActualRowInput } from '../../models/contract/resources.ts';
import { caseMonthIndex } from '../../models/pipeline/case-months.ts';
import { listObservableSeries } from '../../models/pipeline/observable-series.ts';
import { unstorableText } from '../server/text-scan.ts';

/** A problem with one cell of the posted actuals: row (1-based CSV data row, or JSON index) and column. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** Most rows one post may carry. */
export const MAX_ACTUAL_ROWS = 10_000;
/** A double keeps 15–17 significant digits; values stay below this in magnitude. */
const LARGEST_VALUE = 1e16;
const MAX_NOTE = 2000;
const COLUMNS = ['month', 'series', 'value', 'note'] as const;

/** Splits CSV text into records of fields (RFC 4180 quotes, CRLF or LF). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

/**
 * Reads actuals CSV with the header `month,series,value[,note]` into rows, or the problems
 * naming row (1-based data row; 0 for the header) and column.
 *
 * @example
 * parseActualsCsv('month,series,value\n2027-03,net,1200\n') // { rows: [{ month: '2027-03', series: 'net', value: '1200' }], problems: [] }
 */
export function parseActualsCsv(text: string): { rows: Record<string, unknown>[]; problems: RowProblem[] } {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  if (records.length === 0)
    return {
      rows: [],
      problems: [{ row: 0, column: 'header', message: 'the CSV is empty; write the header month,series,value[,note] and one row per actual' }],
    };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const expected = header.length === 4 ? COLUMNS : COLUMNS.slice(0, 3);
  if (header.length < 3 || header.length > 4 || header.some((h, i) => h !== expected[i])) {
    return {
      rows: [],
      problems: [{ row: 0, column: 'header', message: `the header must be month,series,value[,note], got ${records[0].join(',').slice(0, 80)}` }],
    };
  }
  const problems: RowProblem[] = [];
  const rows = records.slice(1).map((record, index) => {
    if (record.length !== header.length) {
      problems.push({
        row: index + 1,
        column: header[Math.min(record.length, header.length - 1)],
        message: `has ${record.length} fields; the header has ${header.length}`,
      });
    }
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (record[i] !== undefined && !(name === 'note' && record[i] === '')) row[name] = record[i];
    });
    return row;
  });
  return { rows, problems };
}

/** A number from JSON (a number) or CSV (text in plain decimal notation, no thousands separators). */
function numberOf(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)) return Number(raw);
  return null;
}

/**
 * Checks every row against the case: month as YYYY-MM inside the horizon and not after
 * `today`'s month, a series of the case, a finite value, a note of at most 2,000 characters,
 * and one row per month and series. Returns the clean rows, or every problem found.
 *
 * @example
 * checkActualRows(bc, [{ month: '2027-03', series: 'net', value: 1200 }], '2027-06-30', 0).rows.length // 1
 */
export function checkActualRows(
  bc: BusinessCase,
  raw: readonly unknown[],
  today: string,
  firstRow: number,
): { rows: ActualRowInput[]; problems: RowProblem[] } {
  const series = listObservableSeries(bc).map((s) => s.id);
  const known = new Set(series);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const rows: ActualRowInput[] = [];
  const thisMonth = today.slice(0, 7);
  raw.forEach((entry, index) => {
    const row = index + firstRow;
    const fail = (column: string, message: string): void => void problems.push({ row, column, message });
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return fail('row', 'must be an object with month, series, value and an optional note');
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!(COLUMNS as readonly string[]).includes(key)) fail(key, `unknown column "${key}"; use month, series, value, note`);
    const month = typeof record.month === 'string' ? record.month.trim() : '';
    const index1 = caseMonthIndex(bc.startDate, month);
    if (index1 === null) fail('month', `must be a calendar month as YYYY-MM, got ${JSON.stringify(record.month ?? '').slice(0, 40)}`);
    else if (index1 < 1 || index1 > bc.horizonMonths)
      fail('month', `${month} is outside the case's ${bc.horizonMonths} months from ${bc.startDate.slice(0, 7)}`);
    else if (month > thisMonth) fail('month', `${month} is in the future`);
    const name = typeof record.series === 'string' ? record.series.trim() : '';
    if (!known.has(name)) {
      const closest = name ? closestName(name, series) : null;
      fail('series', `"${name.slice(0, 80)}" is not a series of this case; ${closest ? `did you mean "${closest}"?` : `use one of ${series.join(', ')}`}`);
    }
    const value = numberOf(record.value);
    if (value === null || !Number.isFinite(value)) fail('value', `must be a number such as 1234.5, got ${JSON.stringify(record.value ?? '').slice(0, 40)}`);
    else if (Math.abs(value) >= LARGEST_VALUE) fail('value', `must be smaller than ${LARGEST_VALUE.toExponential()} in magnitude`);
    const note = record.note;
    if (note !== undefined && note !== null && typeof note !== 'string') fail('note', 'must be text');
    else if (typeof note === 'string' && note.length > MAX_NOTE) fail('note', `must be at most ${MAX_NOTE} characters`);
    else if (typeof note === 'string' && unstorableText(note)) fail('note', unstorableText(note)!);
    const key = `${month}\u0000${name}`;
    if (seen.has(key) && index1 !== null) fail('series', `${name} in ${month} is given twice (first in row ${seen.get(key)})`);
    seen.set(key, row);
    if (value !== null) rows.push({ month, series: name, value, ...(typeof note === 'string' && note.trim() ? { note: note.trim() } : {}) });
  });
  return { rows: problems.length ? [] : rows, problems };
}
