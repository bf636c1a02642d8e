/** Input of `isDurableChange`. */
export interface DurableChangeInput {
  /** The metric's baseline value before the change. */
  baseline: number;
  /** The hypothesised change from the baseline, signed: −2 for "handle time falls by 2 minutes". */
  hypothesisedChange: number;
  /** Post-launch measurements, one per month, oldest first. */
  observations: readonly number[];
  /** How many of the latest months are judged; default 6. */
  lastN?: number;
  /** Share of the hypothesised change their mean must reach; default 0.5. */
  minShare?: number;
}

/** Result of `isDurableChange`. */
export interface DurableChange {
  durable: boolean;
  /** Why, in words a pilot owner can read. */
  reason: string;
  /** (mean of the last N − baseline) / hypothesised change; NaN when fewer than N months are measured. */
  realisedShare: number;
}

/**
 * Whether a baseline metric shows a durable process change: the last N post-launch
 * measurements (default 6) all lie beyond the baseline in the hypothesised direction, and
 * their mean moved from the baseline by at least `minShare` (default 50 %) of the hypothesised
 * change. Fewer than N measurements, or a NaN among the last N, are not durable. Throws a
 * RangeError for a hypothesised change of 0 or a non-finite one, a non-finite baseline, N that is
 * not a whole number ≥ 1, or a share outside (0, 1].
 *
 * @example
 * isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [9, 8.5, 9, 8, 8.8, 9.1] });
 * // durable: true, realisedShare ≈ 0.633; reason: 'The last 6 months all lie below the baseline of 10,
 * // and their mean, 8.733, is 63 % of the hypothesised change of −2 (at least 50 % needed).'
 */
export function isDurableChange(input: DurableChangeInput): DurableChange {
  const { baseline, hypothesisedChange: change, observations } = input;
  const lastN = input.lastN ?? 6;
  const minShare = input.minShare ?? 0.5;
  if (!Number.isFinite(baseline)) throw new RangeError(`baseline must be a finite number, got ${baseline}`);
  if (!(Number.isFinite(change) && change !== 0)) throw new RangeError(`hypothesisedChange must be a finite number other than 0, got ${change}`);
  if (!Number.isInteger(lastN) || lastN < 1) throw new RangeError(`lastN must be a whole number of at least 1, got ${lastN}`);
  if (!(minShare > 0 && minShare <= 1)) throw new RangeError(`minShare must be above 0 and at most 1, got ${minShare}`);
  const direction = change < 0 ? 'below' : 'above';
  if (observations.length < lastN) {
    return { durable: false, realisedShare: Number.NaN, reason: `Only ${months(observations.length)} measured after launch; ${lastN} are needed.` };
  }
  const last = observations.slice(-lastN);
  if (last.some((v) => !Number.isFinite(v))) {
    return { durable: false, realisedShare: Number.NaN, reason: `A measurement is missing among the last ${months(lastN)}.` };
  }
  const mean = last.reduce((a, b) => a + b, 0) / lastN;
  const realisedShare = (mean - baseline) / change;
  const meanText = `their mean, ${fmt(mean)}, is ${Math.round(realisedShare * 100)} % of the hypothesised change of ${fmt(change)} (at least ${Math.round(minShare * 100)} % needed)`;
  const wrongSide = last.filter((v) => (change < 0 ? v >= baseline : v <= baseline)).length;
  if (wrongSide > 0) {
    const reason = `${wrongSide} of the last ${months(lastN)} did not lie ${direction} the baseline of ${fmt(baseline)}; ${meanText}.`;
    return { durable: false, realisedShare, reason };
  }
  const durable = realisedShare >= minShare;
  const reason = `The last ${months(lastN)} all lie ${direction} the baseline of ${fmt(baseline)}, ${durable ? 'and' : 'but'} ${meanText}.`;
  return { durable, realisedShare, reason };
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

/** Up to 4 significant digits, no exponent for everyday magnitudes, a real minus sign. */
function fmt(x: number): string {
  const text = Math.abs(x) >= 1e-3 && Math.abs(x) < 1e15 ? String(Number(x.toPrecision(4))) : x.toPrecision(4);
  return text.replace(/^-/, '−');
}
