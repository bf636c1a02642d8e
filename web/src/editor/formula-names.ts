import type { CaseInput } from '../../../models/case/case-schema.ts';

/** Names a formula in this case may use: inputs, variables and the time names. */
export function formulaNames(document: CaseInput): string[] {
  return [
    ...Object.keys(document.inputs ?? {}),
    ...Object.keys(document.variables ?? {}),
    'month',
    'year',
    'monthOfYear',
    'adoption',
    'horizonMonths',
  ];
}
