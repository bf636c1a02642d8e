/**
 * Continuous ranked probability score of a sample forecast at observation y, in y's units
 * (lower is better; 0 for a point forecast that came true). Energy form
 * CRPS = E|X − y| − ½·E|X − X′|, with X, X′ independent draws from the sample's empirical
 * distribution; for an ascending sample x₁ ≤ … ≤ xₙ,
 * E|X − X′| = (2/n²)·Σᵢ (2i − n − 1)·xᵢ, so the score is exact for the empirical
 * distribution and costs O(n) once sorted (O(n log n) with the sort). Sums are
 * Neumaier-compensated.
 *
 * `sortedSamples` must be ascending and free of NaN. Returns NaN for an empty forecast or
 * a NaN observation.
 *
 * @example
 * crpsSample(new Float64Array([5]), 3); // 2 (a point forecast scores its absolute error)
 * crpsSample(new Float64Array([0, 1]), 0.5); // 0.25 = 0.5 − ½·0.5
 */
export function crpsSample(sortedSamples: Float64Array, y: number): number {
  const n = sortedSamples.length;
  if (n === 0 || y !== y) return Number.NaN;
  let absSum = 0;
  let absComp = 0;
  let pairSum = 0;
  let pairComp = 0;
  for (let i = 0; i < n; i++) {
    const x = sortedSamples[i];
    const a = Math.abs(x - y);
    let t = absSum + a;
    absComp += absSum >= a ? absSum - t + a : a - t + absSum;
    absSum = t;
    const p = (2 * i + 1 - n) * x;
    t = pairSum + p;
    pairComp += Math.abs(pairSum) >= Math.abs(p) ? pairSum - t + p : p - t + pairSum;
    pairSum = t;
  }
  const meanAbsError = (absSum + absComp) / n;
  const meanPairDistance = (2 * (pairSum + pairComp)) / (n * n);
  return meanAbsError - meanPairDistance / 2;
}
