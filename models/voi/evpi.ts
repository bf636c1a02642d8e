/** Result of `evpi`. */
export interface Evpi {
  /** Trials used (NaN payoffs are ignored). */
  n: number;
  /** E[NPV] and its Monte Carlo standard error. */
  expectedNpv: number;
  expectedNpvStandardError: number;
  /** The choice with the higher expected value now: 'go' when E[NPV] > 0. */
  preferred: 'go' | 'stop';
  /** Expected opportunity loss of going: E[max(−NPV, 0)], the money lost in the trials where stopping was right. */
  eolGo: number;
  eolGoStandardError: number;
  /** Expected opportunity loss of stopping: E[max(NPV, 0)], the value forgone in the trials where going was right. */
  eolStop: number;
  eolStopStandardError: number;
  /**
   * Expected value of perfect information, E[max(NPV, 0)] − max(E[NPV], 0): the most
   * that resolving all uncertainty before deciding could be worth. Equals the expected
   * opportunity loss of the preferred choice.
   */
  evpi: number;
  evpiStandardError: number;
}

/**
 * EVPI of a go/no-go decision from Monte Carlo payoffs: going pays NPV_t in trial t,
 * stopping pays 0. Standard errors are sd/√n of the per-trial quantities (for EVPI, of
 * the preferred choice's opportunity loss, treating the choice as fixed). Two passes,
 * no allocation.
 *
 * @example
 * evpi(new Float64Array([-10, 20, 30, -40, 50]));
 * // expectedNpv 10, preferred 'go', eolGo 10, eolStop 20, evpi 10
 */
export function evpi(npv: Float64Array): Evpi {
  const len = npv.length;
  let n = 0;
  let sum = 0;
  let sumPos = 0;
  let sumNeg = 0;
  for (let t = 0; t < len; t++) {
    const x = npv[t];
    if (x !== x) continue;
    n++;
    sum += x;
    if (x > 0) sumPos += x;
    else sumNeg -= x;
  }
  if (n === 0) throw new RangeError('evpi: no payoffs (all NaN or empty)');
  const mean = sum / n;
  const eolStop = sumPos / n;
  const eolGo = sumNeg / n;
  let ss = 0;
  let ssPos = 0;
  let ssNeg = 0;
  for (let t = 0; t < len; t++) {
    const x = npv[t];
    if (x !== x) continue;
    const d = x - mean;
    const dp = (x > 0 ? x : 0) - eolStop;
    const dn = (x < 0 ? -x : 0) - eolGo;
    ss += d * d;
    ssPos += dp * dp;
    ssNeg += dn * dn;
  }
  const se = (s: number): number => (n > 1 ? Math.sqrt(s / (n - 1) / n) : Number.NaN);
  const preferred = mean > 0 ? 'go' : 'stop';
  return {
    n,
    expectedNpv: mean,
    expectedNpvStandardError: se(ss),
    preferred,
    eolGo,
    eolGoStandardError: se(ssNeg),
    eolStop,
    eolStopStandardError: se(ssPos),
    evpi: preferred === 'go' ? eolGo : eolStop,
    evpiStandardError: preferred === 'go' ? se(ssNeg) : se(ssPos),
  };
}
