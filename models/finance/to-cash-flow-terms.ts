/**
 * One cash flow on the rate solver's time axis: `amount` arrives `time`
 * periods (or years) after the first flow, so it is discounted by (1 + r)^-time.
 *
 * @example
 * const term: CashFlowTerm = { amount: 2750, time: 60 / 365 };
 */
export interface CashFlowTerm {
  readonly amount: number;
  readonly time: number;
}

/**
 * Sorts flows by time, adds up flows that share a time and drops zero totals.
 * The rules of signs (Descartes, Laguerre/Norström) only hold for such a
 * canonical sequence: two flows at the same time are one term of the polynomial.
 *
 * @example
 * toCashFlowTerms([-100, 0, 60, 70], [0, 1, 2, 2]);
 * // [{ amount: -100, time: 0 }, { amount: 130, time: 2 }]
 */
export function toCashFlowTerms(amounts: readonly number[], times: readonly number[]): CashFlowTerm[] {
  const order = amounts.map((_, index) => index).sort((a, b) => times[a] - times[b]);
  const terms: CashFlowTerm[] = [];
  let index = 0;
  while (index < order.length) {
    const time = times[order[index]];
    let amount = 0;
    for (; index < order.length && times[order[index]] === time; index++) amount += amounts[order[index]];
    if (amount !== 0) terms.push({ amount, time });
  }
  return terms;
}
