/**
 * Pearson product-moment correlation of two equal-length columns, by the two-pass
 * (centred) formula. NaN if n < 2, if either column is constant, or if any value is NaN.
 *
 * @example
 * pearson(new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7])); // 0.9933992677987828
 */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`pearson: columns differ in length (${n} vs ${y.length})`);
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0 && syy > 0)) return Number.NaN;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
