/**
 * A formula that cannot be compiled. `path` is the JSON pointer of the field that
 * holds it (e.g. `/costs/2/amount`), so the message names the line and shows the formula.
 *
 * @example
 * new FormulaError('/benefits/0/amount', 'volume * rat', 'unknown name "rat" (did you mean "rate"?)')
 */
export class FormulaError extends Error {
  constructor(
    readonly path: string,
    readonly formula: string,
    readonly problem: string,
    readonly hint?: string,
  ) {
    super(`${path}: ${problem} in formula "${formula}"`);
    this.name = 'FormulaError';
  }
}
