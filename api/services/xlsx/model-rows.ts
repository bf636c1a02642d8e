import type { BusinessCase } from '../../../models/case/case-schema.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '../../../models/case/cost-categories.ts';
import { product, type Expr } from '../../../models/formula/expr.ts';
import { orderVariables } from '../../../models/formula/order-variables.ts';
import { parseFormula } from '../../../models/formula/parse-formula.ts';

/** One row of the Model sheet, before it has cells: what it is and where its formula comes from. */
export interface ModelRow {
  /** Unique key (e.g. var:x, benefit:0, cost:2, cat:data, net). */
  key: string;
  /** Shown in column A. */
  id: string;
  label: string;
  /** The case's own formula, shown in column C. */
  caseFormula?: string;
  kind: 'section' | 'scalar' | 'monthly';
  /** Monthly rows: the case expression each month translates (lines and variables). */
  expr?: Expr;
  /** Benefit or cost line months outside which the row is 0. */
  active?: (month: number) => boolean;
}

const sourceText = (formula: string | number): string => String(formula);

/**
 * The Model sheet's rows in order: case settings and the results up top, then time,
 * the adoption curve, variables (in dependency order), benefit lines, cost lines, costs
 * by category, net cash flow, discounting, cumulative flows and the payback helpers.
 *
 * @example
 * modelRows(bc).find((row) => row.key === 'net')
 */
export function modelRows(bc: BusinessCase): ModelRow[] {
  const rows: ModelRow[] = [];
  const section = (label: string): void => void rows.push({ key: `section:${label}`, id: '', label, kind: 'section' });
  const scalar = (key: string, label: string, caseFormula?: string): void => void rows.push({ key, id: key, label, kind: 'scalar', caseFormula });
  const monthly = (row: Omit<ModelRow, 'kind'>): void => void rows.push({ ...row, kind: 'monthly' });

  section('Results (point estimate: every input at its point value)');
  scalar('NPV', 'Net present value');
  scalar('PVBenefits', 'Present value of benefits');
  scalar('PVCosts', 'Present value of costs');
  scalar('ROI', 'Return on investment: NPV / PV of costs');
  scalar('IRR', 'Internal rate of return, annualised: (1 + monthly IRR)^12 − 1');
  scalar('PaybackMonth', 'Payback month: the month after which the cumulative cash flow stays positive');
  scalar('DiscountedPaybackMonth', 'Discounted payback month');
  scalar('TotalBenefits', 'Total benefits, undiscounted');
  scalar('TotalCosts', 'Total costs, undiscounted');
  section('Case settings');
  scalar('DiscountRate', 'Discount rate (annual)');
  scalar('MonthlyRate', 'Monthly discount rate: (1 + annual)^(1/12) − 1');
  scalar('HorizonMonths', 'Horizon (months)');
  scalar('AdoptionStart', 'Adoption curve: start month', sourceText(bc.adoption.startMonth));
  scalar('AdoptionHalf', 'Adoption curve: months to half the ceiling (at least 0.01)', sourceText(bc.adoption.monthsToHalf));
  scalar('AdoptionCeiling', 'Adoption curve: ceiling (held within 0 to 1)', sourceText(bc.adoption.ceiling));
  section('Time and adoption');
  monthly({ key: 'month', id: 'month', label: 'Month' });
  monthly({ key: 'year', id: 'year', label: 'Year' });
  monthly({ key: 'monthOfYear', id: 'monthOfYear', label: 'Month of year' });
  monthly({ key: 'adoption', id: 'adoption', label: 'Adoption (logistic curve)' });
  variableRows(bc, monthly, section);
  benefitRows(bc, monthly, section);
  const categories = costRows(bc, monthly, section);
  section('Cash flow');
  for (const category of categories) {
    monthly({ key: `cat:${category}`, id: category, label: `Costs: ${COST_CATEGORY_LABELS[category]}` });
  }
  monthly({ key: 'totalCosts', id: 'totalCosts', label: 'Total costs' });
  monthly({ key: 'net', id: 'net', label: 'Net cash flow' });
  monthly({ key: 'discount', id: 'discountFactor', label: 'Discount factor (1 + rate)^(−month/12), end of month' });
  monthly({ key: 'discounted', id: 'discountedNet', label: 'Discounted net cash flow' });
  monthly({ key: 'cumulative', id: 'cumulative', label: 'Cumulative net cash flow' });
  monthly({ key: 'cumulativeDiscounted', id: 'cumulativeDiscounted', label: 'Cumulative discounted net cash flow' });
  monthly({ key: 'unpaid', id: 'notPaidBack', label: 'Month while the cumulative cash flow is not positive (else 0)' });
  monthly({ key: 'unpaidDiscounted', id: 'notPaidBackDiscounted', label: 'Month while the cumulative discounted cash flow is not positive (else 0)' });
  return rows;
}

type AddMonthly = (row: Omit<ModelRow, 'kind'>) => void;

function variableRows(bc: BusinessCase, monthly: AddMonthly, section: (label: string) => void): void {
  const parsed = new Map(
    Object.entries(bc.variables ?? {}).map(([name, source]) => [
      name,
      { expr: parseFormula(source, `/variables/${name}`), source: String(source), path: `/variables/${name}` },
    ]),
  );
  if (parsed.size === 0) return;
  section('Variables');
  for (const name of orderVariables(parsed)) {
    const { expr, source } = parsed.get(name)!;
    monthly({ key: `var:${name}`, id: name, label: 'Variable', caseFormula: source, expr });
  }
}

const outside = (line: { fromMonth?: number; toMonth?: number }, m: number): boolean =>
  (line.fromMonth !== undefined && m < line.fromMonth) || (line.toMonth !== undefined && m > line.toMonth);

function benefitRows(bc: BusinessCase, monthly: AddMonthly, section: (label: string) => void): void {
  section('Benefits: amount × realization × adoption (when scaled)');
  bc.benefits.forEach((line, index) => {
    const amount = parseFormula(line.amount, `/benefits/${index}/amount`);
    const realization = parseFormula(line.realization, `/benefits/${index}/realization`);
    const adoption: Expr = line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 };
    monthly({
      key: `benefit:${index}`,
      id: line.id,
      label: line.label,
      caseFormula: `(${sourceText(line.amount)}) × (${sourceText(line.realization)})${line.scaleByAdoption ? ' × adoption' : ''}`,
      expr: product([amount, realization, adoption]),
      active: (m) => !outside(line, m),
    });
  });
  monthly({ key: 'totalBenefits', id: 'totalBenefits', label: 'Total benefits' });
}

function costRows(bc: BusinessCase, monthly: AddMonthly, section: (label: string) => void): CostCategory[] {
  section('Costs');
  bc.costs.forEach((line, index) => {
    const expr =
      line.kind === 'perUnit'
        ? product([parseFormula(line.volume, `/costs/${index}/volume`), parseFormula(line.unitCost, `/costs/${index}/unitCost`)])
        : parseFormula(line.amount, `/costs/${index}/amount`);
    const caseFormula =
      line.kind === 'perUnit'
        ? `(${sourceText(line.volume)}) × (${sourceText(line.unitCost)})`
        : `${sourceText(line.amount)}${line.kind === 'oneTime' ? ` in month ${line.month}` : ''}`;
    monthly({
      key: `cost:${index}`,
      id: line.id,
      label: `${line.label} (${line.category}, ${line.kind})`,
      caseFormula,
      expr,
      active: (m) => (line.kind === 'oneTime' ? m === line.month : !outside(line, m)),
    });
  });
  const used = new Set(bc.costs.map((line) => line.category));
  return COST_CATEGORIES.filter((category) => used.has(category));
}
