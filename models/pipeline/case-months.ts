/** A calendar month as YYYY-MM. */
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The case's month number of a calendar month: 1 is the month of `startDate`, 2 the next,
 * and so on (0 or less: before the start). Null when the text is not a month as YYYY-MM.
 *
 * @example
 * caseMonthIndex('2026-11-01', '2027-03') // 5
 */
export function caseMonthIndex(startDate: string, month: string): number | null {
  const match = MONTH.exec(month);
  if (!match) return null;
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  const startYear = Number(startDate.slice(0, 4));
  const startMonth = Number(startDate.slice(5, 7));
  return (Number(match[1]) - startYear) * 12 + (m - startMonth) + 1;
}

/**
 * The calendar month (YYYY-MM) of the case's month number.
 *
 * @example
 * caseMonthLabel('2026-11-01', 5) // '2027-03'
 */
export function caseMonthLabel(startDate: string, monthIndex: number): string {
  const zeroBased = Number(startDate.slice(0, 4)) * 12 + Number(startDate.slice(5, 7)) - 1 + monthIndex - 1;
  const year = Math.floor(zeroBased / 12);
  return `${String(year).padStart(4, '0')}-${String((zeroBased % 12) + 1).padStart(2, '0')}`;
}
