import { quantiles } from '../stats/quantiles.ts';

/** Indices of one input. */
export interface SobolIndex {
  /** First-order index S_i: share of output variance due to input i alone. */
  first: number;
  firstCi: [number, number];
  /** Total-order index S_Ti: share including all interactions involving input i. */
  total: number;
  totalCi: [number, number];
}

/**
 * Percentile-bootstrap confidence intervals of inputs [from, to): `resamples` resamples of
 * the N rows (drawn from `rng`, after the design), each input re-estimated on centred
 * outputs. The rows drawn do not depend on the range, so ranges computed apart agree with
 * the whole.
 */
export function bootstrapIndices(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  boot: { resamples: number; confidence: number },
  rng: () => number,
  from: number,
  to: number,
): Array<Pick<SobolIndex, 'firstCi' | 'totalCi'>> {
  const k = fAB.length;
  const N = fA.length;
  const R = boot.resamples;
  const firstBoot: Float64Array[] = [];
  const totalBoot: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    firstBoot.push(new Float64Array(i >= from && i < to ? R : 0));
    totalBoot.push(new Float64Array(i >= from && i < to ? R : 0));
  }
  const rows = new Uint32Array(N);
  const scratch = { a: new Float64Array(N), b: new Float64Array(N) };
  const f1 = new Float64Array(k);
  const ft = new Float64Array(k);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < N; j++) rows[j] = Math.min(N - 1, Math.floor(rng() * N));
    estimate(fA, fB, fAB, rows, f1, ft, scratch, from, to);
    for (let i = from; i < to; i++) {
      firstBoot[i][r] = f1[i];
      totalBoot[i][r] = ft[i];
    }
  }
  const alpha = (1 - boot.confidence) / 2;
  const ps = [alpha, 1 - alpha];
  const intervals: Array<Pick<SobolIndex, 'firstCi' | 'totalCi'>> = [];
  for (let i = from; i < to; i++) {
    const fq = quantiles(firstBoot[i], ps);
    const tq = quantiles(totalBoot[i], ps);
    intervals.push({ firstCi: [fq[0], fq[1]], totalCi: [tq[0], tq[1]] });
  }
  return intervals;
}

/**
 * Saltelli-2010 first-order and Jansen total-order estimates over the rows listed in
 * `rows` (all rows, or a bootstrap resample), on outputs already centred near 0.
 * Writes into first/total (inputs [from, to), all by default) and returns the pooled variance. f(A) and the shifted f(B) of
 * the listed rows are gathered once into `scratch` (two arrays of `rows.length`), so each
 * input's pass reads one scattered column instead of three: the same operations in the
 * same order, so the same bits.
 */
export function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  rows: Uint32Array,
  first: Float64Array,
  total: Float64Array,
  scratch: { a: Float64Array; b: Float64Array } = { a: new Float64Array(rows.length), b: new Float64Array(rows.length) },
  from = 0,
  to = fAB.length,
): number {
  const N = rows.length;
  const a = scratch.a;
  const b = scratch.b;
  let s = 0;
  for (let j = 0; j < N; j++) s += fA[rows[j]] + fB[rows[j]];
  const shift = s / (2 * N);
  let ss = 0;
  for (let j = 0; j < N; j++) {
    const r = rows[j];
    const x = fA[r] - shift;
    const y = fB[r] - shift;
    ss += x * x + y * y;
    a[j] = fA[r];
    b[j] = y;
  }
  const variance = ss / (2 * N - 1);
  for (let i = from; i < to; i++) {
    const ab = fAB[i];
    let s1 = 0;
    let st = 0;
    for (let j = 0; j < N; j++) {
      const d = ab[rows[j]] - a[j];
      s1 += b[j] * d;
      st += d * d;
    }
    first[i] = variance > 0 ? s1 / N / variance : Number.NaN;
    total[i] = variance > 0 ? st / (2 * N) / variance : Number.NaN;
  }
  return variance;
}
