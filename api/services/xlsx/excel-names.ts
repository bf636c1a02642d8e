/** Names the workbook defines itself; an input with one of these ids gets a prefixed name. */
export const WORKBOOK_NAMES = [
  'NPV',
  'ROI',
  'IRR',
  'PaybackMonth',
  'DiscountedPaybackMonth',
  'PVBenefits',
  'PVCosts',
  'TotalBenefits',
  'TotalCosts',
  'DiscountRate',
  'MonthlyRate',
  'HorizonMonths',
  'AdoptionStart',
  'AdoptionHalf',
  'AdoptionCeiling',
] as const;

/** Excel's last column, XFD, and last row. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * True when Excel would read the text as a cell reference (A1 or R1C1 style) or a
 * boolean, so it cannot be a defined name.
 *
 * @example
 * looksLikeReference('abc1') // true (column ABC, row 1)
 * looksLikeReference('cost1') // false (no column COST)
 * looksLikeReference('r2c3') // true
 */
export function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMN && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return true;
  if (/^[rc]\d*$/i.test(name) || /^r\d*c\d*$/i.test(name)) return true;
  return /^(true|false)$/i.test(name);
}

/**
 * The workbook-level defined name of each input: its id, unless Excel cannot take it
 * (it reads as a cell reference, or clashes case-insensitively with another name), then
 * the id with a leading underscore (and a number if that clashes too).
 *
 * @example
 * excelNames(['hours', 'abc1', 'NPV']) // Map { hours → 'hours', abc1 → '_abc1', NPV → '_NPV' }
 */
export function excelNames(ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>(WORKBOOK_NAMES.map((name) => name.toLowerCase()));
  const names = new Map<string, string>();
  const direct = ids.filter((id) => !looksLikeReference(id) && !taken.has(id.toLowerCase()));
  // Ids that can keep their own name claim it first, in order; the rest take a prefixed one.
  for (const id of direct) {
    if (taken.has(id.toLowerCase())) continue;
    taken.add(id.toLowerCase());
    names.set(id, id);
  }
  for (const id of ids) {
    if (names.has(id)) continue;
    let candidate = `_${id}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `_${id}_${n}`;
    taken.add(candidate.toLowerCase());
    names.set(id, candidate);
  }
  return names;
}
