import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '../case/cost-categories.ts';

/** How an output is measured, which decides how it is formatted. */
export type OutputUnit = 'currency' | 'ratio' | 'months' | string;

/** One per-trial output column. */
export interface OutputDescriptor {
  id: string;
  label: string;
  unit: OutputUnit;
  group: 'result' | 'pilot' | 'cost' | 'benefit' | 'metric';
}

/**
 * The result columns every case produces, in kernel slot order.
 *
 * @example
 * CORE_OUTPUTS[0].id // 'npv'
 */
export const CORE_OUTPUTS: readonly OutputDescriptor[] = [
  { id: 'npv', label: 'NPV', unit: 'currency', group: 'result' },
  { id: 'roi', label: 'ROI (PV benefits − PV costs) / PV costs', unit: 'ratio', group: 'result' },
  { id: 'pvBenefits', label: 'PV of benefits', unit: 'currency', group: 'result' },
  { id: 'pvCosts', label: 'PV of costs', unit: 'currency', group: 'result' },
  { id: 'totalBenefits', label: 'Total benefits (undiscounted)', unit: 'currency', group: 'result' },
  { id: 'totalCosts', label: 'Total costs (undiscounted)', unit: 'currency', group: 'result' },
  { id: 'paybackMonth', label: 'Payback month (undiscounted)', unit: 'months', group: 'result' },
  { id: 'discountedPaybackMonth', label: 'Payback month (discounted)', unit: 'months', group: 'result' },
  { id: 'irrAnnual', label: 'IRR (annualised)', unit: 'ratio', group: 'result' },
];

/** Pilot outputs, present when the case has a pilot section. */
export const PILOT_OUTPUTS: readonly OutputDescriptor[] = [
  { id: 'pilotRoi', label: 'Pilot ROI', unit: 'ratio', group: 'pilot' },
  { id: 'pilotBenefits', label: 'Pilot benefits', unit: 'currency', group: 'pilot' },
  { id: 'pilotCosts', label: 'Pilot costs', unit: 'currency', group: 'pilot' },
];

/**
 * One total-cost column per taxonomy category (undiscounted, over the horizon).
 *
 * @example
 * costOutputs()[0].id // 'cost.integration'
 */
export function costOutputs(): OutputDescriptor[] {
  return COST_CATEGORIES.map((category) => ({
    id: `cost.${category}`,
    label: COST_CATEGORY_LABELS[category],
    unit: 'currency',
    group: 'cost',
  }));
}
