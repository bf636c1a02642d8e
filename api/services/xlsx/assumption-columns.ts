/**
 * The Assumptions sheet's layout, shared by the writer and the importer: one row per
 * input under this header, the parameters of its distribution in the columns named as
 * the case format names them (only the ones its type uses are filled).
 */
export const ASSUMPTION_HEADER = [
  'Name',
  'Label',
  'Unit',
  'Point value (median)',
  'Distribution',
  'value',
  'min',
  'mode',
  'max',
  'mean',
  'sd',
  'p5',
  'p95',
  'alpha',
  'beta',
  'lambda',
  'p',
  'values',
  'weights',
  'truncate min',
  'truncate max',
  'In words',
  '5th percentile',
  '95th percentile',
  'Source / rationale',
  'Measurement cost',
] as const;

export type AssumptionColumn = (typeof ASSUMPTION_HEADER)[number];

/** Distribution parameters that are one number each. */
export const NUMBER_PARAMETERS = ['value', 'min', 'mode', 'max', 'mean', 'sd', 'p5', 'p95', 'alpha', 'beta', 'lambda', 'p'] as const;
export type NumberParameter = (typeof NUMBER_PARAMETERS)[number];

/** Distribution parameters that are lists (discrete), written as numbers separated by semicolons. */
export const LIST_PARAMETERS = ['values', 'weights'] as const;

/** Parameters whose numbers are in the input's unit (formatted as the point value). */
export const UNIT_PARAMETERS: ReadonlySet<string> = new Set(['value', 'min', 'mode', 'max', 'mean', 'sd', 'p5', 'p95', 'truncate min', 'truncate max']);

/**
 * The 1-based column of a header title.
 *
 * @example
 * assumptionColumn('Point value (median)') // 4
 */
export function assumptionColumn(title: AssumptionColumn): number {
  return ASSUMPTION_HEADER.indexOf(title) + 1;
}

/**
 * An Excel column's letters from its 1-based number.
 *
 * @example
 * columnLetters(4) // 'D'
 * columnLetters(28) // 'AB'
 */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The footer line under the inputs that marks a workbook as valuegate's and names its case. */
export const ASSUMPTIONS_MARK = 'valuegate assumptions';
