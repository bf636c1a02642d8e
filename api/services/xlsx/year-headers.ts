/**
 * Column titles for the years of a horizon, with their months.
 *
 * @example
 * yearHeaders(2, 18) // ['Year 1 (months 1–12)', 'Year 2 (months 13–18)']
 */
export function yearHeaders(years: number, horizonMonths: number): string[] {
  return Array.from({ length: years }, (_, i) => `Year ${i + 1} (months ${i * 12 + 1}–${Math.min((i + 1) * 12, horizonMonths)})`);
}
