import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';

/**
 * A calendar date: a `Date` or an ISO date string `'YYYY-MM-DD'`.
 *
 * @example
 * const dates: DateInput[] = ['2008-01-01', new Date(Date.UTC(2008, 2, 1))];
 */
export type DateInput = Date | string;

const MILLISECONDS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whole days since 1970-01-01 for a calendar date.
 *
 * A `Date` is read by its UTC calendar day and its time of day is dropped, as
 * Excel truncates date serials. UTC (not local time) is used because
 * `new Date('2008-01-01')` parses to UTC midnight, and because local-time
 * readings shift by a day across daylight-saving changes in some time zones.
 * Build dates with `Date.UTC` or pass ISO strings to stay unambiguous.
 *
 * @example
 * toDayNumber('1970-01-02', 'dates[0]'); // 1
 */
export function toDayNumber(date: unknown, argument: string): number {
  if (date instanceof Date) {
    const time = date.getTime();
    if (!Number.isFinite(time)) throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.INVALID_DATE);
    return Math.floor(time / MILLISECONDS_PER_DAY);
  }
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match === null) throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.INVALID_DATE);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  const parsed = new Date(Date.UTC(year, monthIndex, day));
  // Date.UTC silently rolls '2009-02-30' over to March; a round trip rejects it.
  // setUTCFullYear undoes Date.UTC's mapping of years 0-99 to 1900-1999.
  parsed.setUTCFullYear(year, monthIndex, day);
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== monthIndex || parsed.getUTCDate() !== day) {
    throw invalidArgumentError(argument, FINANCE_ERROR_MESSAGES.INVALID_DATE);
  }
  return Math.floor(parsed.getTime() / MILLISECONDS_PER_DAY);
}
