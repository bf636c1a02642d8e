import type { BusinessCase } from '../../../models/case/case-schema.ts';
import { pointEstimateTrace, variableSample, type PointEstimateTrace } from '../../../models/engine/point-estimate-trace.ts';
import type { RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';
import type { Expr } from '../../../models/formula/expr.ts';
import { parseFormula } from '../../../models/formula/parse-formula.ts';
import { columnLetters } from './assumption-columns.ts';
import { excelFormula, NoExcelTranslation, type ExcelRefs } from './excel-formula.ts';
import { excelNames } from './excel-names.ts';
import { modelRows, type ModelRow } from './model-rows.ts';
import type { NumberFormats } from './number-formats.ts';
import { sortedInputs } from './assumptions-sheet.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/** Column of the first month; A id, B label, C the case formula, D the value or total. */
const FIRST_MONTH_COLUMN = 5;
const VALUE = 'D';

type Cell = { formula?: string; value?: number; numFmt?: string; note?: string; name?: string } | string | null;

/** Everything a row's cells need: where other rows are, the names, the formats and the known values. */
interface ModelContext {
  bc: BusinessCase;
  row: (key: string) => number;
  names: Map<string, string>;
  formats: NumberFormats;
  /** The point estimate month by month: computed only when a cell needs a value (a formula without translation). */
  trace: () => PointEstimateTrace;
  /** The point estimate's annualised IRR, IRR's starting guess (undefined: not stored with the run). */
  irrAnnual: number | null | undefined;
  /** Each variable's display format. */
  variableFormats: Map<string, string>;
  H: number;
  last: string;
}

const monthColumn = (m: number): string => columnLetters(FIRST_MONTH_COLUMN + m - 1);

/**
 * The Model sheet: the case as a live spreadsheet. Every month cell is an Excel formula
 * over the named point values on the Assumptions sheet and the rows above it, and the
 * results (NPV, ROI, IRR, payback) are computed with Excel's own NPV and IRR and named.
 * A formula with no Excel translation is written as the point estimate's value with a
 * note saying so.
 *
 * @example
 * await modelSheet(workbook, bc, numberFormats('GBP'));
 */
export async function modelSheet(
  workbook: StreamingWorkbook,
  bc: BusinessCase,
  formats: NumberFormats,
  irrAnnual?: number | null,
  factors?: RepresentativenessFactors,
): Promise<void> {
  const rows = modelRows(bc);
  const numbers = new Map(rows.map((row, index) => [row.key, index + 2]));
  const H = bc.horizonMonths;
  let trace: PointEstimateTrace | undefined;
  const context: ModelContext = {
    bc,
    row: (key) => numbers.get(key)!,
    names: excelNames(sortedInputs(bc.inputs).map(([id]) => id)),
    formats,
    trace: () => (trace ??= pointEstimateTrace(bc, factors)),
    irrAnnual,
    variableFormats: new Map(Object.entries(variableSample(bc)).map(([name, values]) => [name, magnitudeFormat(values)])),
    H,
    last: monthColumn(H),
  };
  // Streamed row by row: the sheet is as large as the case (lines × months).
  const writer = new SheetWriter(
    workbook,
    'Model',
    { 2: 75, 3: 60 },
    {
      widths: [24, 60, 48, 16, ...Array.from({ length: H }, () => 12)],
      frozenColumns: 2,
      // Printed: landscape, the labels and the header repeated on every page, months across pages.
      pageSetup: { fitToPage: true, fitToWidth: Math.max(1, Math.ceil(H / 12)), fitToHeight: 0, printTitlesColumn: 'A:D', printTitlesRow: '1:1' },
    },
  );
  writer.header(['Row', 'Label', 'Case formula', 'Value / total', ...Array.from({ length: H }, (_, i) => `Month ${i + 1}`)]);
  for (const [index, row] of rows.entries()) {
    // Let the zip writer take the rows written so far, so they do not pile up in memory.
    if (index % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    if (row.kind === 'section') writer.row([null, row.label], { bold: true });
    else if (row.kind === 'scalar') writer.row([row.id, row.label, row.caseFormula ?? null, { ...scalarCell(row, context), name: row.key }]);
    else writer.row([row.id, row.label, row.caseFormula ?? null, totalCell(row, context), ...monthCells(row, context)]);
  }
  writer.finish();
}

function scalarCell(row: ModelRow, c: ModelContext): Exclude<Cell, string | null> {
  const { formats } = c;
  const range = (key: string): string => `${monthColumn(1)}${c.row(key)}:${c.last}${c.row(key)}`;
  const perTrial = (formula: string | number, path: string, value: () => number, wrap: (text: string) => string): Exclude<Cell, string | null> =>
    translated(parseFormula(formula, path), perTrialRefs(c), value, wrap);
  switch (row.key) {
    case 'NPV':
      return { formula: `NPV(MonthlyRate,${range('net')})`, numFmt: formats.moneyCents };
    case 'PVBenefits':
      return { formula: `NPV(MonthlyRate,${range('totalBenefits')})`, numFmt: formats.moneyCents };
    case 'PVCosts':
      return { formula: `NPV(MonthlyRate,${range('totalCosts')})`, numFmt: formats.moneyCents };
    case 'ROI':
      return { formula: 'NPV/PVCosts', numFmt: '0.00%' };
    case 'IRR':
      return { formula: `(1+IRR(${range('net')}${irrGuess(c.irrAnnual === undefined ? c.trace().irrAnnual : c.irrAnnual)}))^12-1`, numFmt: '0.00%' };
    case 'PaybackMonth':
      return { formula: `IF(${c.last}${c.row('cumulative')}>0,MAX(${range('unpaid')})+1,NA())`, numFmt: '0' };
    case 'DiscountedPaybackMonth':
      return { formula: `IF(${c.last}${c.row('cumulativeDiscounted')}>0,MAX(${range('unpaidDiscounted')})+1,NA())`, numFmt: '0' };
    case 'TotalBenefits':
      return { formula: `${VALUE}${c.row('totalBenefits')}`, numFmt: formats.moneyCents };
    case 'TotalCosts':
      return { formula: `${VALUE}${c.row('totalCosts')}`, numFmt: formats.moneyCents };
    case 'DiscountRate':
      return { value: c.bc.discountRateAnnual, numFmt: '0.00%' };
    case 'MonthlyRate':
      return { formula: '(1+DiscountRate)^(1/12)-1', numFmt: '0.0000%' };
    case 'HorizonMonths':
      return { value: c.H, numFmt: '0' };
    case 'AdoptionStart':
      return perTrial(
        c.bc.adoption.startMonth,
        '/adoption/startMonth',
        () => c.trace().adoptionParameters.startMonth,
        (t) => t,
      );
    case 'AdoptionHalf':
      return {
        ...perTrial(
          c.bc.adoption.monthsToHalf,
          '/adoption/monthsToHalf',
          () => c.trace().adoptionParameters.monthsToHalf,
          (t) => `MAX(${t},0.01)`,
        ),
        numFmt: '0.00',
      };
    case 'AdoptionCeiling':
      return {
        ...perTrial(
          c.bc.adoption.ceiling,
          '/adoption/ceiling',
          () => c.trace().adoptionParameters.ceiling,
          (t) => `MIN(MAX(${t},0),1)`,
        ),
        numFmt: '0.0%',
      };
  }
  throw new Error(`internal: no cell for ${row.key}`);
}

function totalCell(row: ModelRow, c: ModelContext): Cell {
  if (['month', 'year', 'monthOfYear', 'adoption', 'discount', 'cumulative', 'cumulativeDiscounted', 'unpaid', 'unpaidDiscounted'].includes(row.key))
    return null;
  if (row.key.startsWith('var:')) return null;
  return { formula: `SUM(${monthColumn(1)}${c.row(row.key)}:${c.last}${c.row(row.key)})`, numFmt: c.formats.money };
}

function monthCells(row: ModelRow, c: ModelContext): Cell[] {
  return Array.from({ length: c.H }, (_, i) => monthCell(row, i + 1, c));
}

function monthCell(row: ModelRow, m: number, c: ModelContext): Cell {
  const col = monthColumn(m);
  const previous = m > 1 ? monthColumn(m - 1) : null;
  const at = (key: string): string => `${col}${c.row(key)}`;
  const money = c.formats.money;
  const [kind, index] = row.key.split(':');
  switch (kind) {
    case 'month':
      return previous ? { formula: `${previous}${c.row('month')}+1`, numFmt: '0' } : { value: 1, numFmt: '0' };
    case 'year':
      return { formula: `INT((${col}$${c.row('month')}-1)/12)+1`, numFmt: '0' };
    case 'monthOfYear':
      return { formula: `${col}$${c.row('month')}-(${col}$${c.row('year')}-1)*12`, numFmt: '0' };
    case 'adoption': {
      const m$ = `${col}$${c.row('month')}`;
      return { formula: `IF(${m$}<AdoptionStart,0,AdoptionCeiling/(1+EXP(-LN(99)/AdoptionHalf*(${m$}-AdoptionStart-AdoptionHalf))))`, numFmt: '0.0%' };
    }
    case 'var':
      return {
        ...translated(
          row.expr!,
          monthRefs(c, m),
          () => c.trace().variables[index][m - 1],
          (t) => t,
        ),
        numFmt: c.variableFormats.get(index),
      };
    case 'benefit':
    case 'cost': {
      if (!row.active!(m)) return { value: 0, numFmt: money };
      const value = (): number => (kind === 'benefit' ? c.trace().benefits : c.trace().costs)[Number(index)][m - 1];
      return { ...translated(row.expr!, monthRefs(c, m), value, (t) => t), numFmt: money };
    }
    case 'totalBenefits':
      return {
        formula: sumOf(
          c,
          col,
          c.bc.benefits.map((_, i) => `benefit:${i}`),
        ),
        numFmt: money,
      };
    case 'cat':
      return {
        formula: sumOf(
          c,
          col,
          c.bc.costs.flatMap((line, i) => (line.category === index ? [`cost:${i}`] : [])),
        ),
        numFmt: money,
      };
    case 'totalCosts':
      return {
        formula: sumOf(
          c,
          col,
          [...new Set(c.bc.costs.map((line) => `cat:${line.category}`))].sort((a, b) => c.row(a) - c.row(b)),
        ),
        numFmt: money,
      };
    case 'net':
      return { formula: `${at('totalBenefits')}-${at('totalCosts')}`, numFmt: money };
    case 'discount':
      return { formula: `(1+DiscountRate)^(-${col}$${c.row('month')}/12)`, numFmt: '0.0000' };
    case 'discounted':
      return { formula: `${at('net')}*${at('discount')}`, numFmt: money };
    case 'cumulative':
      return { formula: previous ? `${previous}${c.row('cumulative')}+${at('net')}` : at('net'), numFmt: money };
    case 'cumulativeDiscounted':
      return { formula: previous ? `${previous}${c.row('cumulativeDiscounted')}+${at('discounted')}` : at('discounted'), numFmt: money };
    case 'unpaid':
      return { formula: `IF(${at('cumulative')}<=0,${col}$${c.row('month')},0)`, numFmt: '0' };
    case 'unpaidDiscounted':
      return { formula: `IF(${at('cumulativeDiscounted')}<=0,${col}$${c.row('month')},0)`, numFmt: '0' };
  }
  throw new Error(`internal: no cell for ${row.key}`);
}

/** A variable's display format from the size of its values: whole numbers from 100, cents from 1, else four decimals. */
function magnitudeFormat(values: number[]): string {
  const largest = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
  return largest >= 100 ? '#,##0' : largest >= 1 ? '#,##0.00' : '0.0000';
}

/**
 * IRR's starting guess: the point estimate's own monthly rate (6 significant digits), so
 * the spreadsheet's search starts beside the rate valuegate found; Excel's default of 10 %
 * a month fails to converge on slow cases. Only a start: the root is the spreadsheet's.
 */
function irrGuess(irrAnnual: number | null): string {
  if (irrAnnual === null || !Number.isFinite(irrAnnual)) return '';
  const monthly = (1 + irrAnnual) ** (1 / 12) - 1;
  return `,${Number(monthly.toPrecision(6)).toString().toUpperCase()}`;
}

/** A sum of rows in one column, as additions (SUM of a range would include rows in between). */
function sumOf(c: ModelContext, col: string, keys: string[]): string {
  return keys.length ? keys.map((key) => `${col}${c.row(key)}`).join('+') : '0';
}

/** The formula, or the point estimate's value with a note when Excel cannot carry it. */
function translated(expr: Expr, refs: ExcelRefs, value: () => number, wrap: (text: string) => string): Exclude<Cell, string | null> {
  try {
    return { formula: wrap(excelFormula(expr, refs)) };
  } catch (error) {
    if (!(error instanceof NoExcelTranslation)) throw error;
    return { value: value(), note: `No Excel translation (${error.message}): this is the point estimate's value, not a formula.` };
  }
}

/** Names in a month column: inputs by their defined names, variables and time by this column's cells. */
function monthRefs(c: ModelContext, m: number): ExcelRefs {
  const col = monthColumn(m);
  return {
    month: `${col}$${c.row('month')}`,
    name: (name) => {
      if (c.names.has(name)) return c.names.get(name);
      if (name in (c.bc.variables ?? {})) return `${col}$${c.row(`var:${name}`)}`;
      if (name === 'month' || name === 'year' || name === 'monthOfYear' || name === 'adoption') return `${col}$${c.row(name)}`;
      return constant(name);
    },
  };
}

/** Names in a per-trial formula (the adoption curve's parameters): time is month 1 and adoption 0, as in the engine. */
function perTrialRefs(c: ModelContext): ExcelRefs {
  const col = monthColumn(1);
  return {
    month: '1',
    name: (name) => {
      if (c.names.has(name)) return c.names.get(name);
      if (name in (c.bc.variables ?? {})) return `$${col}$${c.row(`var:${name}`)}`;
      if (name === 'month' || name === 'year' || name === 'monthOfYear') return '1';
      if (name === 'adoption') return '0';
      return constant(name);
    },
  };
}

function constant(name: string): string | undefined {
  if (name === 'horizonMonths') return 'HorizonMonths';
  if (name === 'pi') return 'PI()';
  if (name === 'e') return 'EXP(1)';
  return undefined;
}
