/**
 * The annualised IRR of one trial's monthly net cash flows (month 1 discounted one
 * month, as Excel's IRR treats the first flow of a series starting one period out).
 * Returns NaN when no IRR is defined: flows that never change sign, or that change
 * sign more than once (then several rates may solve NPV = 0 and none is "the" IRR).
 * Newton steps in x = 1/(1 + r) with Horner evaluation and a maintained bracket,
 * warm-started from the previous trial's root since neighbouring trials are alike.
 *
 * @example
 * const irr = createTrialIrr();
 * irr.solve(new Float64Array([-1000, 100, 1200]), 3) // ≈ 0.2136 monthly → annualised ≈ 9.22
 */
export function createTrialIrr(): { solve: (flows: Float64Array, months: number) => number; reset: () => void } {
  const START = 0.99;
  let previousX = START;
  // The warm start is reset at every chunk, so a chunk's results never depend on which thread ran what before.
  const reset = (): void => {
    previousX = START;
  };
  const solve = function trialIrr(flows: Float64Array, months: number): number {
    let signChanges = 0;
    let lastSign = 0;
    let first = -1;
    let last = -1;
    for (let m = 0; m < months; m++) {
      const flow = flows[m];
      if (flow === 0) continue;
      if (first < 0) first = m;
      last = m;
      const sign = flow > 0 ? 1 : -1;
      if (lastSign !== 0 && sign !== lastSign) signChanges++;
      lastSign = sign;
    }
    if (signChanges !== 1) return NaN;

    // f(x) = Σ flow_m · x^(m+1); with one sign change it has exactly one positive root.
    const signAtZero = flows[first] > 0 ? 1 : -1;
    let lo = 0;
    let hi = 1;
    while (evaluate(flows, first, last, hi) * signAtZero > 0) {
      lo = hi;
      hi *= 2;
      if (hi > 1e12) return NaN;
    }
    let x = previousX > lo && previousX < hi ? previousX : (lo + hi) / 2;
    for (let iteration = 0; iteration < 100; iteration++) {
      let value = 0;
      let slope = 0;
      for (let m = last; m >= first; m--) {
        slope = slope * x + value;
        value = value * x + flows[m];
      }
      // value now holds Σ flow_m x^(m - first); the common factor x^(first+1) > 0 keeps the sign.
      if (value * signAtZero > 0) lo = x;
      else hi = x;
      let next = x - value / slope;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      if (Math.abs(next - x) <= 1e-14 * x || hi - lo <= 1e-15 * hi) {
        x = next;
        break;
      }
      x = next;
    }
    previousX = x;
    return Math.pow(x, -12) - 1;
  };
  return { solve, reset };
}

function evaluate(flows: Float64Array, first: number, last: number, x: number): number {
  let value = 0;
  for (let m = last; m >= first; m--) value = value * x + flows[m];
  return value;
}
