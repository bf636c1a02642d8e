import ExcelJS from 'exceljs';
import type { BusinessCase, InputDefinition } from '../../models/case/case-schema.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import type { DistributionSpec } from '../../models/distributions/spec.ts';
import type { TornadoResult } from '../../models/analysis/tornado-analysis.ts';
import type { GateResult } from '../../models/gate/evaluate-gate.ts';
import type { RunRecord } from './run-store.ts';

/**
 * The MIME type of an .xlsx workbook.
 *
 * @example
 * c.header('Content-Type', XLSX_CONTENT_TYPE);
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sheet names, in workbook order.
 *
 * @example
 * workbook.getWorksheet(WORKBOOK_SHEETS[3]) // the Results sheet
 */
export const WORKBOOK_SHEETS = ['Assumptions', 'Cost by category', 'Benefit by line', 'Results', 'Tornado', 'Gate'] as const;

/** Everything the workbook shows: one case version, the run on it, and its analyses. */
export interface CaseWorkbookInput {
  caseId: string;
  /** The validated case document of the run's version (defaults applied). */
  case: BusinessCase;
  /** The case's current version, to say when the run rests on an older one. */
  currentVersion: number;
  /** A succeeded run, with its summary and point estimate. */
  run: RunRecord;
  /** NPV tornado of the run's case version. */
  tornado: TornadoResult;
  /** The gate result and where it came from (a stored analysis, or computed for the export). */
  gate: { result: GateResult; source: string };
  exportedAt: Date;
}

/** The characters that make a spreadsheet treat typed text as a formula (OWASP CSV/formula injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;
/** Characters XML 1.0 cannot carry; exceljs drops them silently, which could expose a trigger behind them. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Excel refuses cells longer than this. */
const MAX_CELL_TEXT = 32_767;

/**
 * The value to store in a cell: numbers stay numbers; text that a spreadsheet could read
 * as a formula (starting with = + - @, tab, CR or LF) gets a leading apostrophe so it stays
 * inert text; non-finite numbers become readable text. Every cell of the export goes
 * through here.
 *
 * @example
 * safeCellValue('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * safeCellValue(-12.5) // -12.5
 * safeCellValue(Infinity) // '∞'
 */
export function safeCellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    // U+2212 MINUS SIGN, not '-': the text must not start with a formula trigger.
    return Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '−∞';
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = String(value).replace(XML_INVALID, '');
  if (FORMULA_TRIGGER.test(text)) text = `'${text}`;
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/**
 * A number from a stored summary: stored JSON keeps ±Infinity and NaN as strings.
 *
 * @example
 * storedNumber('Infinity') // Infinity
 */
export function storedNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return NaN;
}

/**
 * A distribution spec written out plainly, for readers who do not know the schema.
 *
 * @example
 * describeDistribution({ type: 'lognormal', p5: 150000, p95: 250000 }) // 'lognormal 90% CI 150,000 to 250,000'
 * describeDistribution({ type: 'pert', min: 1, mode: 2, max: 4 }) // 'PERT min 1, most likely 2, max 4'
 */
export function describeDistribution(spec: DistributionSpec, locale = 'en-GB'): string {
  const n = numberFormatter(locale);
  const percent = (p: number): string => `${n(Math.round(p * 1000) / 10)}%`;
  let text: string;
  switch (spec.type) {
    case 'fixed':
      text = `fixed at ${n(spec.value)}`;
      break;
    case 'uniform':
      text = `uniform ${n(spec.min)} to ${n(spec.max)} (every value equally likely)`;
      break;
    case 'normal':
    case 'lognormal':
      text = 'p5' in spec ? `${spec.type} 90% CI ${n(spec.p5)} to ${n(spec.p95)}` : `${spec.type} mean ${n(spec.mean)}, sd ${n(spec.sd)}`;
      break;
    case 'triangular':
      text = `triangular min ${n(spec.min)}, most likely ${n(spec.mode)}, max ${n(spec.max)}`;
      break;
    case 'pert':
      text = `PERT min ${n(spec.min)}, most likely ${n(spec.mode)}, max ${n(spec.max)}${spec.lambda !== undefined && spec.lambda !== 4 ? `, lambda ${n(spec.lambda)}` : ''}`;
      break;
    case 'beta': {
      const scaled = spec.min !== undefined || spec.max !== undefined;
      text = `beta alpha ${n(spec.alpha)}, beta ${n(spec.beta)}${scaled ? ` on ${n(spec.min ?? 0)} to ${n(spec.max ?? 1)}` : ''}`;
      break;
    }
    case 'bernoulli':
      text = `yes/no event: ${n(spec.value ?? 1)} with probability ${percent(spec.p)}, else 0`;
      break;
    case 'discrete': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      text = `one of ${spec.values.map((value, i) => `${n(value)} (${percent(total > 0 ? spec.weights[i] / total : 0)})`).join(', ')}`;
      break;
    }
  }
  const { min, max } = spec.truncate ?? {};
  if (min !== undefined && max !== undefined) text += `, truncated to ${n(min)} to ${n(max)}`;
  else if (min !== undefined) text += `, truncated at no less than ${n(min)}`;
  else if (max !== undefined) text += `, truncated at no more than ${n(max)}`;
  return text;
}

/**
 * Builds the case workbook: Assumptions, Cost by category, Benefit by line, Results,
 * Tornado and Gate. Values only, never formulas, and every text cell is injection-safe.
 *
 * @example
 * const bytes = await buildCaseWorkbook({ caseId, case: bc, currentVersion: 2, run, tornado, gate, exportedAt: new Date() });
 */
export async function buildCaseWorkbook(input: CaseWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'valuegate';
  workbook.created = input.exportedAt;
  workbook.title = String(safeCellValue(input.case.name));
  const formats = numberFormats(input.case.currency);
  const locale = usableLocale(input.case.locale);

  assumptionsSheet(workbook, input, formats, locale);
  costSheet(workbook, input, formats);
  benefitSheet(workbook, input, formats);
  resultsSheet(workbook, input, formats);
  tornadoSheet(workbook, input, formats);
  gateSheet(workbook, input, formats);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface NumberFormats {
  /** Whole currency units: totals and results. */
  money: string;
  /** Currency with cents: unit prices, rates, the exact point estimate. */
  moneyCents: string;
  percent: string;
  months: string;
  count: string;
  general: string;
}

/** A cell: a bare value, or a value with a number format. */
type CellInput = unknown | { value: unknown; numFmt?: string };

/** Writes rows top to bottom and sizes columns to what was written. */
class SheetWriter {
  private next = 1;
  private readonly widths: number[] = [];

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    /** Widest a column may grow; longer text wraps. */
    private readonly maxWidth: Record<number, number> = {},
  ) {}

  header(titles: string[]): void {
    const row = this.row(titles);
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }

  row(cells: CellInput[], options: { bold?: boolean } = {}): ExcelJS.Row {
    const row = this.sheet.getRow(this.next++);
    cells.forEach((input, index) => {
      const spec = isFormatted(input) ? input : { value: input };
      const cell = row.getCell(index + 1);
      const value = safeCellValue(spec.value);
      cell.value = value;
      if (typeof value === 'number' && spec.numFmt) cell.numFmt = spec.numFmt;
      const width = typeof value === 'number' ? 14 : value === null ? 0 : Math.max(...value.split('\n').map((line) => line.length));
      this.widths[index] = Math.max(this.widths[index] ?? 0, width);
      if (typeof value === 'string' && this.maxWidth[index + 1] !== undefined && value.length > this.maxWidth[index + 1]) {
        cell.alignment = { vertical: 'top', wrapText: true };
      } else {
        cell.alignment = { vertical: 'top' };
      }
    });
    if (options.bold) row.font = { bold: true };
    return row;
  }

  blank(): void {
    this.next++;
  }

  /** Freezes the header row (and optionally the first columns) and sets column widths. */
  finish(options: { frozenColumns?: number } = {}): void {
    this.sheet.views = [{ state: 'frozen', xSplit: options.frozenColumns ?? 0, ySplit: 1 }];
    this.widths.forEach((width, index) => {
      const cap = this.maxWidth[index + 1] ?? 48;
      this.sheet.getColumn(index + 1).width = Math.min(Math.max(width + 2, 8), cap);
    });
  }
}

function isFormatted(input: unknown): input is { value: unknown; numFmt?: string } {
  return typeof input === 'object' && input !== null && 'value' in input;
}

/** A number with a format; `storedNumber` reads the strings stored JSON uses for ±Infinity and NaN. */
function num(value: unknown, numFmt: string): { value: number; numFmt: string } {
  return { value: storedNumber(value), numFmt };
}

function numberFormats(currency: string): NumberFormats {
  const symbol = currencySymbol(currency);
  const quoted = `"${symbol}"`;
  return {
    money: `${quoted}#,##0;-${quoted}#,##0`,
    moneyCents: `${quoted}#,##0.00;-${quoted}#,##0.00`,
    percent: '0.0%',
    months: '0.0',
    count: '#,##0',
    general: 'General',
  };
}

/** The currency's symbol (e.g. £), or its code; never a character a number format would misread. */
function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
    return (part?.value ?? currency).replace(/["\\]/g, '');
  } catch {
    return currency;
  }
}

function usableLocale(locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale ?? 'en-GB').resolvedOptions().locale;
  } catch {
    return 'en-GB';
  }
}

function numberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(usableLocale(locale), { maximumFractionDigits: 10 });
  return (value) => format.format(value);
}

/** Money inputs (unit "GBP", "GBP/hour", …) get the currency format; other units stay general. */
function inputFormat(unit: string, currency: string, formats: NumberFormats): string {
  return unit === currency || unit.startsWith(`${currency}/`) ? formats.moneyCents : formats.general;
}

function assumptionsSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats, locale: string): void {
  const bc = input.case;
  const writer = new SheetWriter(workbook.addWorksheet('Assumptions'), { 2: 40, 4: 48, 8: 70 });
  writer.header(['Name', 'Label', 'Unit', 'Distribution', 'Median', 'P5', 'P95', 'Source / rationale', 'Measurement cost']);
  // Stored documents are jsonb, which does not keep the authored key order: sort by name so every export reads the same.
  const inputs = (Object.entries(bc.inputs) as [string, InputDefinition][]).sort(([a], [b]) => a.localeCompare(b, 'en'));
  for (const [name, definition] of inputs) {
    const distribution = createDistribution(definition.distribution);
    const format = inputFormat(definition.unit, bc.currency, formats);
    writer.row([
      name,
      definition.label ?? name,
      definition.unit,
      describeDistribution(definition.distribution, locale),
      num(distribution.inv(0.5), format),
      num(distribution.inv(0.05), format),
      num(distribution.inv(0.95), format),
      definition.source,
      definition.measurementCost === undefined ? null : num(definition.measurementCost, formats.money),
    ]);
  }
  writer.finish({ frozenColumns: 1 });
}

function yearHeaders(years: number, horizonMonths: number): string[] {
  return Array.from({ length: years }, (_, i) => `Year ${i + 1} (months ${i * 12 + 1}–${Math.min((i + 1) * 12, horizonMonths)})`);
}

function costSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const summary = input.run.summary!;
  const years = summary.costByCategory[0]?.meanByYear.length ?? 0;
  const writer = new SheetWriter(workbook.addWorksheet('Cost by category'), { 1: 44, [years + 4]: 60 });
  writer.header(['Category', ...yearHeaders(years, summary.horizonMonths), 'Total', 'Share of total', 'Flag']);
  const totals = new Array<number>(years).fill(0);
  let grandTotal = 0;
  for (const row of summary.costByCategory) {
    row.meanByYear.forEach((value, i) => (totals[i] += storedNumber(value)));
    grandTotal += storedNumber(row.meanTotal);
    const flag = row.hasLines
      ? storedNumber(row.meanTotal) === 0
        ? 'cost lines total zero: check they are priced'
        : null
      : row.category === 'other'
        ? 'no cost line (a catch-all; not necessarily missing)'
        : 'no cost line: likely a hidden cost';
    writer.row([row.label, ...row.meanByYear.map((value) => num(value, formats.money)), num(row.meanTotal, formats.money), num(row.share, formats.percent), flag]);
  }
  writer.row(['Total', ...totals.map((value) => num(value, formats.money)), num(grandTotal, formats.money), num(grandTotal > 0 ? 1 : 0, formats.percent), null], { bold: true });
  writer.blank();
  writer.row(['Mean over trials, undiscounted, in the case currency.']);
  writer.finish({ frozenColumns: 1 });
}

function benefitSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const summary = input.run.summary!;
  const years = summary.benefitByLine[0]?.meanByYear.length ?? Math.ceil(summary.horizonMonths / 12);
  const writer = new SheetWriter(workbook.addWorksheet('Benefit by line'), { 2: 44 });
  writer.header(['Line', 'Label', ...yearHeaders(years, summary.horizonMonths), 'Total']);
  const totals = new Array<number>(years).fill(0);
  let grandTotal = 0;
  for (const line of summary.benefitByLine) {
    line.meanByYear.forEach((value, i) => (totals[i] += storedNumber(value)));
    grandTotal += storedNumber(line.meanTotal);
    writer.row([line.id, line.label, ...line.meanByYear.map((value) => num(value, formats.money)), num(line.meanTotal, formats.money)]);
  }
  writer.row(['Total', null, ...totals.map((value) => num(value, formats.money)), num(grandTotal, formats.money)], { bold: true });
  writer.blank();
  writer.row(['Mean over trials, undiscounted, after realization and adoption, in the case currency.']);
  writer.finish({ frozenColumns: 1 });
}

/** Core results first, in report order; then the pilot outputs and the case's own metrics. */
const RESULT_ORDER = ['npv', 'roi', 'pvBenefits', 'pvCosts', 'totalBenefits', 'totalCosts', 'paybackMonth', 'discountedPaybackMonth', 'irrAnnual', 'pilotRoi'];
const POINT_ESTIMATE_FIELDS: Record<string, 'npv' | 'roi' | 'pvBenefits' | 'pvCosts' | 'totalBenefits' | 'totalCosts' | 'paybackMonth' | 'discountedPaybackMonth' | 'pilotRoi'> = {
  npv: 'npv',
  roi: 'roi',
  pvBenefits: 'pvBenefits',
  pvCosts: 'pvCosts',
  totalBenefits: 'totalBenefits',
  totalCosts: 'totalCosts',
  paybackMonth: 'paybackMonth',
  discountedPaybackMonth: 'discountedPaybackMonth',
  pilotRoi: 'pilotRoi',
};

function outputFormat(unit: string, formats: NumberFormats, exact = false): string {
  if (unit === 'currency') return exact ? formats.moneyCents : formats.money;
  if (unit === 'ratio') return exact ? '0.0000%' : formats.percent;
  if (unit === 'months') return formats.months;
  return formats.general;
}

function resultsSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const { run, case: bc } = input;
  const summary = run.summary!;
  const point = run.pointEstimate;
  const writer = new SheetWriter(workbook.addWorksheet('Results'), { 1: 40, 2: 20, 14: 70 });
  writer.header(['Output', 'Unit', 'Mean', 'S.E. of mean', 'P5', 'P10', 'P50', 'P90', 'P95', 'P(> 0)', 'Point estimate', 'Point estimate (exact decimal)', 'Trials without a value', 'Note']);
  const ids = [...RESULT_ORDER.filter((id) => summary.outputs[id]), ...Object.keys(summary.outputs).filter((id) => !RESULT_ORDER.includes(id))];
  for (const id of ids) {
    const output = summary.outputs[id];
    const format = outputFormat(output.unit, formats);
    const field = POINT_ESTIMATE_FIELDS[id];
    const exact = point && field ? point[field] : null;
    const showsSign = output.unit === 'currency' || output.unit === 'ratio';
    const beyond = storedNumber(output.positiveInfiniteCount);
    const undefinedCount = storedNumber(output.undefinedCount);
    const notes: string[] = [];
    if (beyond > 0) notes.push(`${beyond} trials never reach it within the horizon (∞)`);
    if (undefinedCount > 0) notes.push(`${undefinedCount} trials have no defined value`);
    if (id === 'npv' && point) notes.push('point estimate: every input at its median, in exact decimal arithmetic');
    writer.row([
      output.label,
      output.unit === 'currency' ? bc.currency : output.unit,
      num(output.mean, format),
      num(output.standardError, format),
      num(output.percentiles.p5, format),
      num(output.percentiles.p10, format),
      num(output.percentiles.p50, format),
      num(output.percentiles.p90, format),
      num(output.percentiles.p95, format),
      showsSign ? num(output.probabilityPositive.value, formats.percent) : null,
      exact === null || exact === undefined ? null : num(typeof exact === 'number' ? exact : Number(exact), outputFormat(output.unit, formats, true)),
      exact === null || exact === undefined ? null : String(exact),
      beyond + undefinedCount,
      notes.join('; ') || null,
    ]);
  }
  writer.blank();
  writer.row(['Run settings (reproduce the run with these)', 'Value'], { bold: true });
  const settings: [string, unknown][] = [
    ['Case', bc.name],
    ['Case id', input.caseId],
    ['Case version', run.caseVersion],
    ['Case hash (SHA-256 of the canonical document)', run.caseHash],
    ['Current case version', input.currentVersion === run.caseVersion ? `${input.currentVersion} (the run is on the current version)` : `${input.currentVersion} (the run is on an older version)`],
    ['Run id', run.id],
    ['Trials', run.trials],
    // Seeds go up to 2^53 − 1; text keeps every digit where Excel would round past 15.
    ['Seed', String(run.seed)],
    ['Sampling', run.sampling === 'lhs' ? 'lhs (Latin hypercube)' : 'mc (plain Monte Carlo)'],
    ['Engine version', run.engineVersion],
    ['Horizon (months)', summary.horizonMonths],
    ['Discount rate (annual)', { value: summary.discountRateAnnual, numFmt: '0.00%' }],
    ['Currency', bc.currency],
    ['Run finished', run.finishedAt],
    ['Exported', input.exportedAt.toISOString()],
    ['Reproduce', `POST /api/cases/${input.caseId}/runs with {"version": ${run.caseVersion}, "trials": ${run.trials}, "seed": ${run.seed}, "sampling": "${run.sampling}"} on engine ${run.engineVersion}`],
  ];
  for (const [name, value] of settings) writer.row([name, value]);
  writer.finish({ frozenColumns: 1 });
}

function tornadoSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const { tornado, case: bc } = input;
  const low = `P${Math.round(tornado.lowPercentile * 100)}`;
  const high = `P${Math.round(tornado.highPercentile * 100)}`;
  const outputName = tornado.output === 'npv' ? 'NPV' : tornado.output;
  const writer = new SheetWriter(workbook.addWorksheet('Tornado'), { 3: 44 });
  writer.header(['Rank', 'Input', 'Label', 'Unit', `Input at ${low}`, `Input at ${high}`, `${outputName} at ${low}`, `${outputName} at ${high}`, 'Swing']);
  tornado.bars.forEach((bar, index) => {
    const format = inputFormat(bar.unit, bc.currency, formats);
    writer.row([
      index + 1,
      bar.input,
      bar.label,
      bar.unit,
      num(bar.lowValue, format),
      num(bar.highValue, format),
      num(bar.outputAtLow, formats.money),
      num(bar.outputAtHigh, formats.money),
      num(bar.swing, formats.money),
    ]);
  });
  writer.blank();
  writer.row([`${outputName} with every input at its median`, null, null, null, null, null, num(tornado.baselineOutput, formats.money)]);
  writer.row([`Each input swung alone from its ${low} to its ${high} while the others stay at their medians; fixed inputs have no bar.`]);
  writer.finish({ frozenColumns: 2 });
}

const CRITERION_FORMATS: Record<string, keyof NumberFormats> = {
  scaleProbabilityPositive: 'percent',
  stopProbabilityPositive: 'percent',
  medianDiscountedPayback: 'months',
  evpiWithinStake: 'money',
};

function criterionFormat(id: string, formats: NumberFormats): string {
  if (id.startsWith('readiness.')) return '0%';
  return formats[CRITERION_FORMATS[id] ?? 'count'];
}

function monthsText(value: unknown): string {
  const months = storedNumber(value);
  return Number.isFinite(months) ? `${Math.round(months * 10) / 10} months` : 'beyond the horizon';
}

function gateSheet(workbook: ExcelJS.Workbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const gate = input.gate.result;
  const writer = new SheetWriter(workbook.addWorksheet('Gate'), { 2: 60, 7: 90 });
  writer.header(['Section', 'Item', 'Figure', 'Compared with', 'S.E.', 'Status', 'Note']);
  writer.row(['Recommendation', gate.recommendation, null, null, null, null, gate.headline], { bold: true });
  writer.row(['Evaluated on', gate.evaluatedOn, null, null, null, null, input.gate.source]);
  for (const criterion of gate.criteria) {
    const format = criterionFormat(criterion.id, formats);
    const notes = [criterion.note, criterion.interval ? `95% interval of the median: ${criterion.interval.map(monthsText).join(' to ')}` : null].filter(Boolean);
    writer.row([
      `Criterion (${criterion.group})`,
      criterion.label,
      num(criterion.figure, format),
      num(criterion.threshold, format),
      criterion.standardError === null ? null : num(criterion.standardError, format),
      `${criterion.met ? 'met' : 'not met'}${criterion.tooClose ? '; too close to call' : ''}`,
      notes.join('; ') || null,
    ]);
  }
  for (const readiness of gate.readiness) {
    const open = readiness.items.filter((item) => item.status !== 'met').map((item) => `${item.item} (${item.status})`);
    writer.row([
      'Readiness gate',
      readiness.label,
      readiness.total === 0 ? null : num(readiness.met / readiness.total, '0%'),
      null,
      null,
      readiness.status,
      readiness.total === 0 ? 'no checklist items' : `${readiness.met} of ${readiness.total} items met${open.length ? `; open: ${open.join('; ')}` : ''}`,
    ]);
  }
  for (const check of gate.valueMeasurement) writer.row(['Value measurement', check.label, null, null, null, check.passed, check.detail]);
  for (const flag of gate.missingCostCategories) writer.row(['Missing cost category', flag.label, null, null, null, 'missing', flag.note]);
  if (gate.missingCostCategories.length === 0) writer.row(['Missing cost category', 'none: every taxonomy category has a cost']);
  for (const entry of gate.measureNext) {
    writer.row([
      'Measure next (EVPPI vs cost)',
      entry.label,
      num(entry.evppi, formats.money),
      entry.measurementCost === null ? null : num(entry.measurementCost, formats.money),
      num(entry.standardError, formats.money),
      entry.withinNoise ? 'within Monte Carlo noise' : 'worth measuring',
      entry.sentence,
    ]);
  }
  if (gate.measureNext.length === 0) writer.row(['Measure next (EVPPI vs cost)', 'nothing: no measurement is worth its cost before deciding']);
  for (const lever of gate.levers) writer.row(['Redesign lever (swing)', lever.label, num(lever.swing, formats.money), null, null, `favourable end: ${lever.favourableEnd}`, lever.sentence]);
  writer.finish({ frozenColumns: 1 });
}
