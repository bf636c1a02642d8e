/**
 * Quantiles of a weighted sample: each value with positive weight sits at the midpoint of its
 * share of the cumulative weight, Pₖ = (Cₖ − wₖ/2)/W with Cₖ the weight of the values up to and
 * including it in ascending order, and the quantile at p interpolates linearly between the two
 * values around p (the first value below P₁, the last above Pₙ). With equal weights this is
 * Hazen's rule (R's type 5). Values that are NaN or carry weight 0 are left out; weights must be
 * ≥ 0. Returns NaN for every p when no weight is left.
 *
 * `order` (optional) is the values' indices in ascending order of value: pass it to skip the
 * sort when the same values are summarised under many weightings.
 *
 * @example
 * weightedQuantiles(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 1, 1, 1]), [0.5]); // [2.5]
 * weightedQuantiles(new Float64Array([10, 20]), new Float64Array([3, 1]), [0.375, 0.5, 0.875]); // [10, 12.5, 20]
 */
export function weightedQuantiles(values: Float64Array, weights: Float64Array, ps: readonly number[], order?: Uint32Array): number[] {
  if (values.length !== weights.length) throw new RangeError(`weightedQuantiles: ${values.length} values but ${weights.length} weights`);
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`weightedQuantiles: probabilities must be in [0, 1], got ${p}`);
  const sortedIndex = order ?? ascendingOrder(values);
  const kept: number[] = [];
  let total = 0;
  for (let k = 0; k < sortedIndex.length; k++) {
    const i = sortedIndex[k];
    const w = weights[i];
    if (!(w >= 0)) throw new RangeError(`weightedQuantiles: weight ${i} is ${w}; weights must be ≥ 0`);
    if (w > 0 && values[i] === values[i]) {
      kept.push(i);
      total += w;
    }
  }
  if (kept.length === 0) return ps.map(() => Number.NaN);
  const positions = new Float64Array(kept.length);
  let cumulative = 0;
  for (let k = 0; k < kept.length; k++) {
    const w = weights[kept[k]];
    positions[k] = (cumulative + w / 2) / total;
    cumulative += w;
  }
  return ps.map((p) => quantileAt(p, positions, kept, values));
}

function quantileAt(p: number, positions: Float64Array, kept: number[], values: Float64Array): number {
  const last = kept.length - 1;
  if (p <= positions[0]) return values[kept[0]];
  if (p >= positions[last]) return values[kept[last]];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] <= p) lo = mid;
    else hi = mid;
  }
  const a = values[kept[lo]];
  const b = values[kept[hi]];
  const f = (p - positions[lo]) / (positions[hi] - positions[lo]);
  return f === 0 || a === b ? a : a + f * (b - a);
}

/**
 * Indices of a column in ascending order of value (NaN last), for `weightedQuantiles`.
 *
 * @example
 * ascendingOrder(new Float64Array([3, 1, 2])); // Uint32Array [1, 2, 0]
 */
export function ascendingOrder(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const x = values[a];
    const y = values[b];
    if (x !== x) return y !== y ? a - b : 1;
    if (y !== y) return -1;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}
