import type { ActualsChange, ActualsReport, ActualsRow } from '../lib/api-types.ts';

/** A stored actual as the grid shows it. */
export interface StoredActual {
  value: number;
  note: string | null;
}

/** The grid's key of a cell. */
export function cellKey(month: string, series: string): string {
  return `${month}|${series}`;
}

/**
 * The current value of every stored actual: the newest change per month and series from the
 * history, then the report's observations (which are current by definition).
 *
 * @example
 * storedActuals([{ month: '2027-01', series: 'net', value: 5, previousValue: null, note: null, changedBy: 'cfo', changedAt: 't' }], null)
 *   .get('2027-01|net') // { value: 5, note: null }
 */
export function storedActuals(changes: readonly ActualsChange[], report: ActualsReport | null): Map<string, StoredActual> {
  const stored = new Map<string, StoredActual>();
  const ordered = [...changes].sort((a, b) => (a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0));
  for (const change of ordered) stored.set(cellKey(change.month, change.series), { value: change.value, note: change.note });
  for (const series of report?.series ?? []) {
    for (const observation of series.observations) stored.set(cellKey(observation.month, series.id), { value: observation.value, note: observation.note });
  }
  return stored;
}

/**
 * Reads a number as a person types it: "1234.5", "1,234.5", "-12", and for a share "45%" (= 0.45).
 * Returns null for text that is not a number.
 *
 * @example
 * parseCellValue('1,234.5') // 1234.5
 * parseCellValue('45%') // 0.45
 */
export function parseCellValue(text: string): number | null {
  let cleaned = text
    .trim()
    .replace(/[\s\u00a0_]/g, '')
    .replace(/^−/, '-');
  if (cleaned === '') return null;
  const percent = cleaned.endsWith('%');
  if (percent) cleaned = cleaned.slice(0, -1);
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

/** What the grid's edits amount to: the rows to post, and the cells that are not numbers. */
export interface GridChanges {
  rows: ActualsRow[];
  invalid: { month: string; series: string; text: string }[];
}

/**
 * The rows one save posts: every edited cell whose number differs from the stored one (or is new),
 * in month order and then column order. Emptied cells are left out: the API keeps values, it does not delete them.
 *
 * @example
 * changedRows(new Map([['2027-01|net', '12']]), new Map(), ['2027-01'], ['net']) // { rows: [{ month: '2027-01', series: 'net', value: 12 }], invalid: [] }
 */
export function changedRows(
  edits: ReadonlyMap<string, string>,
  stored: ReadonlyMap<string, StoredActual>,
  months: readonly string[],
  seriesIds: readonly string[],
): GridChanges {
  const rows: ActualsRow[] = [];
  const invalid: GridChanges['invalid'] = [];
  for (const month of months) {
    for (const series of seriesIds) {
      const text = edits.get(cellKey(month, series));
      if (text === undefined || text.trim() === '') continue;
      const value = parseCellValue(text);
      if (value === null) {
        invalid.push({ month, series, text });
        continue;
      }
      if (stored.get(cellKey(month, series))?.value === value) continue;
      rows.push({ month, series, value });
    }
  }
  return { rows, invalid };
}
