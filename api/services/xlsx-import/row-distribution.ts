import { createDistribution } from '../../../models/distributions/create-distribution.ts';
import { DISTRIBUTION_TYPES, distributionSpecSchema, type DistributionSpec } from '../../../models/distributions/spec.ts';
import { assumptionColumn, columnLetters, type AssumptionColumn } from '../xlsx/assumption-columns.ts';
import type { AssumptionRow } from './read-assumptions.ts';
import { WorkbookError } from './workbook-error.ts';

const SHEET = 'Assumptions';

/** The parameters each type needs, and those it may take; normal and lognormal take one of two pairs. */
const PARAMETERS: Record<string, { required: string[][]; optional: string[] }> = {
  fixed: { required: [['value']], optional: [] },
  uniform: { required: [['min', 'max']], optional: [] },
  normal: {
    required: [
      ['mean', 'sd'],
      ['p5', 'p95'],
    ],
    optional: [],
  },
  lognormal: {
    required: [
      ['p5', 'p95'],
      ['mean', 'sd'],
    ],
    optional: [],
  },
  triangular: { required: [['min', 'mode', 'max']], optional: [] },
  pert: { required: [['min', 'mode', 'max']], optional: ['lambda'] },
  beta: { required: [['alpha', 'beta']], optional: ['min', 'max'] },
  bernoulli: { required: [['p']], optional: ['value'] },
  discrete: { required: [['values', 'weights']], optional: [] },
};

/** Equal but for the last digits a spreadsheet may drop when it saves (15 significant digits). */
export function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

const at = (title: AssumptionColumn, row: number): string => `${columnLetters(assumptionColumn(title))}${row}`;

/**
 * The distribution a row describes. Parameters equal (to 1e-12) to the original's keep the
 * original's exact value; parameters the type does not use are ignored. When only the point
 * value changed, the distribution moves so that its median is the new point value (a
 * shift; a scale for lognormal); when only the parameters changed, the point value left
 * as exported follows them. Throws WorkbookError naming the cell of any problem.
 *
 * @example
 * rowDistribution({ row: 5, type: 'fixed', numbers: { value: 60 }, … }, { type: 'fixed', value: 55 }) // { type: 'fixed', value: 60 }
 */
export function rowDistribution(row: AssumptionRow, original?: DistributionSpec): DistributionSpec {
  const type = row.type ?? (original ? original.type : row.point !== undefined ? 'fixed' : undefined);
  if (type === undefined) throw new WorkbookError(422, 'a new input needs a distribution type or a point value', SHEET, at('Distribution', row.row));
  if (!(type in PARAMETERS)) {
    throw new WorkbookError(
      422,
      `unknown distribution "${type.slice(0, 40)}"; use one of ${DISTRIBUTION_TYPES.join(', ')}`,
      SHEET,
      at('Distribution', row.row),
    );
  }
  const spec = specFromRow(row, type, original);
  const parsed = distributionSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? 'type');
    const column = (key === 'truncate' ? `truncate ${String(issue.path[1] ?? 'min')}` : key) as AssumptionColumn;
    const cell = assumptionColumn(column) > 0 ? at(column, row.row) : at('Distribution', row.row);
    throw new WorkbookError(422, `${type} ${key}: ${issue.message}`, SHEET, cell);
  }
  const median = medianOf(parsed.data, row);
  if (row.point === undefined || nearlyEqual(row.point, median)) return parsed.data;
  if (original && sameSpec(parsed.data, original)) return recentred(parsed.data, row.point, median, row.row);
  // Parameters edited, the point value left as exported: the point value follows the parameters.
  if (original && nearlyEqual(row.point, medianOf(original, row))) return parsed.data;
  throw new WorkbookError(
    422,
    `the point value ${row.point} is not the median ${median} of the distribution as edited; change the parameters or the point value, not both`,
    SHEET,
    at('Point value (median)', row.row),
  );
}

function specFromRow(row: AssumptionRow, type: string, original?: DistributionSpec): Record<string, unknown> {
  const { required, optional } = PARAMETERS[type];
  const filled = (key: string): boolean =>
    (key === 'values' || key === 'weights' ? row.lists[key] : row.numbers[key as keyof AssumptionRow['numbers']]) !== undefined;
  // A new fixed input may give its value as the point value only.
  if (type === 'fixed' && !filled('value') && row.point !== undefined) row = { ...row, numbers: { ...row.numbers, value: row.point } };
  const pair = required.find((keys) => keys.every((key) => filled(key) || (key === 'value' && row.numbers.value !== undefined))) ?? required[0];
  const missing = pair.find((key) => !filled(key) && !(key === 'value' && row.numbers.value !== undefined));
  if (missing) {
    const alternative =
      required.length > 1
        ? ` (or ${required
            .filter((keys) => keys !== pair)
            .map((keys) => keys.join(' and '))
            .join(' or ')})`
        : '';
    throw new WorkbookError(
      422,
      `a ${type} distribution needs ${pair.join(' and ')}${alternative}; ${missing} is empty`,
      SHEET,
      at(missing as AssumptionColumn, row.row),
    );
  }
  const before = (original?.type === type ? original : {}) as Record<string, unknown>;
  const keep = (key: string, value: number): number =>
    typeof before[key] === 'number' && nearlyEqual(value, before[key] as number) ? (before[key] as number) : value;
  const spec: Record<string, unknown> = { type };
  for (const key of [...pair, ...optional]) {
    if (key === 'values' || key === 'weights') spec[key] = row.lists[key];
    else if (filled(key)) spec[key] = keep(key, row.numbers[key as keyof AssumptionRow['numbers']]!);
  }
  const truncate: Record<string, number> = {};
  const beforeTruncate = (original?.truncate ?? {}) as Record<string, number | undefined>;
  for (const bound of ['min', 'max'] as const) {
    const value = row.truncate[bound];
    if (value !== undefined)
      truncate[bound] = beforeTruncate[bound] !== undefined && nearlyEqual(value, beforeTruncate[bound]!) ? beforeTruncate[bound]! : value;
  }
  if (Object.keys(truncate).length) spec.truncate = truncate;
  return spec;
}

function medianOf(spec: DistributionSpec, row: AssumptionRow): number {
  try {
    return createDistribution(spec).inv(0.5);
  } catch (error) {
    throw new WorkbookError(422, `the ${spec.type} distribution is not valid: ${(error as Error).message}`, SHEET, at('Distribution', row.row));
  }
}

/** Same type and parameters (the spec is built keeping the original's exact numbers, so plain equality). */
function sameSpec(a: DistributionSpec, b: DistributionSpec): boolean {
  const canonical = (spec: DistributionSpec): string => JSON.stringify(spec, Object.keys(spec as object).sort());
  return canonical(a) === canonical(b) && JSON.stringify(a.truncate ?? null) === JSON.stringify(b.truncate ?? null);
}

const SHIFTED = ['value', 'min', 'mode', 'max', 'mean', 'p5', 'p95'];

/** The distribution moved so that its median is `point`: shifted, or scaled for lognormal. */
function recentred(spec: DistributionSpec, point: number, median: number, rowNumber: number): DistributionSpec {
  const cell = at('Point value (median)', rowNumber);
  if (spec.type === 'bernoulli' || spec.type === 'discrete' || (spec.type === 'beta' && (spec.min === undefined || spec.max === undefined))) {
    throw new WorkbookError(422, `the point value of a ${spec.type} input follows from its parameters; edit those instead`, SHEET, cell);
  }
  if (spec.type === 'lognormal' && !(point > 0)) throw new WorkbookError(422, 'a lognormal input needs a point value above 0', SHEET, cell);
  // Rounded to 12 significant digits: the float noise of the shift would be all a reader sees.
  const tidy = (value: number): number => Number(value.toPrecision(12));
  const move = spec.type === 'lognormal' ? (value: number) => tidy((value * point) / median) : (value: number) => tidy(value + (point - median));
  const record = { ...(spec as Record<string, unknown>) };
  const keys = spec.type === 'lognormal' ? ['p5', 'p95', 'mean', 'sd'] : spec.type === 'fixed' ? ['value'] : SHIFTED;
  for (const key of keys) if (typeof record[key] === 'number') record[key] = move(record[key] as number);
  if (spec.type === 'fixed') record.value = point;
  if (spec.truncate) record.truncate = Object.fromEntries(Object.entries(spec.truncate).map(([bound, value]) => [bound, move(value as number)]));
  const moved = record as DistributionSpec;
  const check = createDistribution(moved).inv(0.5);
  if (Math.abs(check - point) > 1e-9 * Math.max(1, Math.abs(point))) {
    throw new WorkbookError(422, `moving the distribution to the point value ${point} gives a median of ${check}; edit its parameters instead`, SHEET, cell);
  }
  return moved;
}
