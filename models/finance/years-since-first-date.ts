import { FINANCE_ERROR_MESSAGES } from './finance-error.ts';
import { invalidArgumentError } from './invalid-argument-error.ts';
import { toDayNumber } from './to-day-number.ts';

const DAYS_PER_YEAR = 365;

/**
 * Each date's distance from the first date in 365-day years, the time axis of
 * Excel's XNPV and XIRR (no leap-year adjustment, by Excel's definition).
 * Validates that `dates` matches `cashFlowCount` and that no date precedes the
 * first, where Excel returns #NUM!.
 *
 * @example
 * yearsSinceFirstDate(['2008-01-01', '2009-01-01'], 2); // [0, 366 / 365]
 */
export function yearsSinceFirstDate(dates: unknown, cashFlowCount: number): number[] {
  if (!Array.isArray(dates)) throw invalidArgumentError('dates', FINANCE_ERROR_MESSAGES.NOT_AN_ARRAY);
  if (dates.length !== cashFlowCount) throw invalidArgumentError('dates', FINANCE_ERROR_MESSAGES.LENGTH_MISMATCH);
  const days = dates.map((date: unknown, index) => toDayNumber(date, `dates[${index}]`));
  const firstDay = days[0];
  return days.map((day, index) => {
    if (day < firstDay) throw invalidArgumentError(`dates[${index}]`, FINANCE_ERROR_MESSAGES.DATE_BEFORE_FIRST_DATE);
    return (day - firstDay) / DAYS_PER_YEAR;
  });
}
