import { quantiles } from '../stats/quantiles.ts';

/**
 * How one input is sampled from a uniform: either its inverse CDF `(p) => x`, or an
 * object with a column transform `fillFromUniforms(u, out, n)` (out[j] = inv(u[j]) for
 * j < n), which every `Distribution` provides.
 */
export type SobolInput = ((p: number) => number) | { fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void };

/** Options for `sobolIndices`. */
export interface SobolOptions {
  /** One entry per model input (k = inputs.length), sampled independently. */
  inputs: readonly SobolInput[];
  /** Base sample size N; the model is evaluated on N·(k + 2) rows. */
  baseSamples: number;
  /**
   * Vectorised model: `columns[i][j]` is input i of row j in the original input space,
   * for j < n. Return at least n outputs. It must not modify or keep `columns`; the
   * returned array is copied at once, so the model may reuse one output buffer.
   */
  model: (columns: readonly Float64Array[], n: number) => ArrayLike<number>;
  /** Uniform on (0, 1); the only source of randomness (design and bootstrap). */
  rng: () => number;
  /** Percentile bootstrap over the N rows; default { resamples: 200, confidence: 0.95 }. false: no CIs. */
  bootstrap?: { resamples?: number; confidence?: number } | false;
  /** Rows per model call (default 8192): bounds memory to 2·k·blockSize doubles plus the outputs. */
  blockSize?: number;
}

/** Indices of one input. */
export interface SobolIndex {
  /** First-order index S_i: share of output variance due to input i alone. */
  first: number;
  firstCi: [number, number];
  /** Total-order index S_Ti: share including all interactions involving input i. */
  total: number;
  totalCi: [number, number];
}

/** Result of `sobolIndices`. */
export interface SobolResult {
  /** One entry per input, in input order. */
  indices: SobolIndex[];
  /** Model rows evaluated: N·(k + 2). */
  evaluations: number;
  /** Output mean and variance (denominator 2N − 1) over the pooled f(A), f(B). */
  mean: number;
  variance: number;
  /**
   * Inputs (by position) that took one value in every sampled row of A and B although
   * they were passed as inputs, e.g. a chance event rarer than about 1/(2N): their
   * indices come out 0 because the sample never saw them vary, not because they do not
   * matter. Callers should say so (or raise N).
   */
  unvaried: number[];
}

/**
 * Variance-based (Sobol') global sensitivity indices by the Saltelli design. Uniform
 * matrices A and B (N × k, drawn row by row from `rng`, so results do not depend on
 * `blockSize`) are mapped to the input space; the model runs on A, B and each A_B^(i)
 * (A with column i taken from B) in blocks. With V the pooled variance of f(A), f(B):
 * - first order (Saltelli et al. 2010): S_i = mean(f(B)·(f(A_B^i) − f(A))) / V, with
 *   f(B) centred on the pooled mean (same expectation, lower variance for large means);
 * - total order (Jansen 1999): S_Ti = ½·mean((f(A) − f(A_B^i))²) / V.
 * Confidence intervals are percentile bootstraps resampling the N rows. Estimates are
 * noisy for small N (S_i may come out slightly negative); 2^12–2^14 rows is typical.
 *
 * @example
 * const r = sobolIndices({
 *   inputs: [(p) => p, (p) => 2 * p],
 *   baseSamples: 4096,
 *   model: (x, n) => { const y = new Float64Array(n); for (let j = 0; j < n; j++) y[j] = x[0][j] + x[1][j]; return y; },
 *   rng,
 * });
 * r.indices[1].first; // ≈ 0.8 (= 4/(1 + 4))
 */
export function sobolIndices(options: SobolOptions): SobolResult {
  const { inputs, model, rng } = options;
  const k = inputs.length;
  const N = options.baseSamples;
  if (k < 1) throw new RangeError('sobolIndices: at least one input is required');
  if (!Number.isInteger(N) || N < 2) throw new RangeError(`sobolIndices: baseSamples must be an integer >= 2, got ${N}`);
  const blockSize = Math.min(N, options.blockSize ?? 8192);
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`sobolIndices: invalid blockSize ${options.blockSize}`);
  const boot = options.bootstrap === false ? null : { resamples: options.bootstrap?.resamples ?? 200, confidence: options.bootstrap?.confidence ?? 0.95 };
  if (boot && (!Number.isInteger(boot.resamples) || boot.resamples < 1 || !(boot.confidence > 0 && boot.confidence < 1))) {
    throw new RangeError('sobolIndices: bootstrap needs an integer resamples >= 1 and 0 < confidence < 1');
  }

  const fA = new Float64Array(N);
  const fB = new Float64Array(N);
  const fAB: Float64Array[] = [];
  for (let i = 0; i < k; i++) fAB.push(new Float64Array(N));

  // Block buffers: uniforms and transformed columns for A and B.
  const uA: Float64Array[] = [];
  const uB: Float64Array[] = [];
  const xA: Float64Array[] = [];
  const xB: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    uA.push(new Float64Array(blockSize));
    uB.push(new Float64Array(blockSize));
    xA.push(new Float64Array(blockSize));
    xB.push(new Float64Array(blockSize));
  }
  const run = (columns: Float64Array[], m: number, target: Float64Array, offset: number, label: string): void => {
    const y = model(columns, m);
    if (y.length < m) throw new RangeError(`sobolIndices: model returned ${y.length} values for ${m} rows`);
    for (let j = 0; j < m; j++) {
      const v = y[j];
      if (!Number.isFinite(v)) throw new RangeError(`sobolIndices: model returned ${v} on row ${offset + j} of ${label}`);
      target[offset + j] = v;
    }
  };

  // Whether each input's sampled values (A and B) have differed yet, against its first A value.
  const varied = new Uint8Array(k);
  const firstValue = new Float64Array(k);
  for (let offset = 0; offset < N; offset += blockSize) {
    const m = Math.min(blockSize, N - offset);
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < k; i++) uA[i][j] = rng();
      for (let i = 0; i < k; i++) uB[i][j] = rng();
    }
    for (let i = 0; i < k; i++) {
      transform(inputs[i], uA[i], xA[i], m);
      transform(inputs[i], uB[i], xB[i], m);
      if (offset === 0) firstValue[i] = xA[i][0];
      if (!varied[i]) varied[i] = differs(xA[i], m, firstValue[i]) || differs(xB[i], m, firstValue[i]) ? 1 : 0;
    }
    const colsA = m === blockSize ? xA.slice() : xA.map((c) => c.subarray(0, m));
    const colsB = m === blockSize ? xB.slice() : xB.map((c) => c.subarray(0, m));
    run(colsA, m, fA, offset, 'A');
    run(colsB, m, fB, offset, 'B');
    for (let i = 0; i < k; i++) {
      const keep = colsA[i];
      colsA[i] = colsB[i];
      run(colsA, m, fAB[i], offset, `A_B^(${i})`);
      colsA[i] = keep;
    }
  }

  // Centre everything on the pooled mean once; the estimators are shift invariant.
  let sum = 0;
  for (let j = 0; j < N; j++) sum += fA[j] + fB[j];
  const mean = sum / (2 * N);
  for (let j = 0; j < N; j++) {
    fA[j] -= mean;
    fB[j] -= mean;
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < N; j++) fAB[i][j] -= mean;

  const all = new Uint32Array(N);
  for (let j = 0; j < N; j++) all[j] = j;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  const variance = estimate(fA, fB, fAB, all, first, total);

  const indices = boot ? bootstrapIndices(fA, fB, fAB, first, total, boot, rng) : pointIndices(first, total);
  const unvaried: number[] = [];
  for (let i = 0; i < k; i++) if (!varied[i]) unvaried.push(i);
  return { indices, evaluations: N * (k + 2), mean, variance, unvaried };
}

/** The indices without confidence intervals (NaN bounds), when the bootstrap is off. */
function pointIndices(first: Float64Array, total: Float64Array): SobolIndex[] {
  const indices: SobolIndex[] = [];
  const nan: [number, number] = [Number.NaN, Number.NaN];
  for (let i = 0; i < first.length; i++) indices.push({ first: first[i], firstCi: [...nan], total: total[i], totalCi: [...nan] });
  return indices;
}

/**
 * The indices with percentile-bootstrap confidence intervals: `resamples` resamples of
 * the N rows (drawn from `rng`, after the design), each re-estimated on centred outputs.
 */
function bootstrapIndices(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  first: Float64Array,
  total: Float64Array,
  boot: { resamples: number; confidence: number },
  rng: () => number,
): SobolIndex[] {
  const k = fAB.length;
  const N = fA.length;
  const indices: SobolIndex[] = [];
  const R = boot.resamples;
  const firstBoot: Float64Array[] = [];
  const totalBoot: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    firstBoot.push(new Float64Array(R));
    totalBoot.push(new Float64Array(R));
  }
  const rows = new Uint32Array(N);
  const f1 = new Float64Array(k);
  const ft = new Float64Array(k);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < N; j++) rows[j] = Math.min(N - 1, Math.floor(rng() * N));
    estimate(fA, fB, fAB, rows, f1, ft);
    for (let i = 0; i < k; i++) {
      firstBoot[i][r] = f1[i];
      totalBoot[i][r] = ft[i];
    }
  }
  const alpha = (1 - boot.confidence) / 2;
  const ps = [alpha, 1 - alpha];
  for (let i = 0; i < k; i++) {
    const fq = quantiles(firstBoot[i], ps);
    const tq = quantiles(totalBoot[i], ps);
    indices.push({ first: first[i], firstCi: [fq[0], fq[1]], total: total[i], totalCi: [tq[0], tq[1]] });
  }
  return indices;
}

/** Whether any of the first m values differs from `value`. */
function differs(column: Float64Array, m: number, value: number): boolean {
  for (let j = 0; j < m; j++) if (column[j] !== value) return true;
  return false;
}

function transform(input: SobolInput, u: Float64Array, out: Float64Array, m: number): void {
  if (typeof input === 'function') for (let j = 0; j < m; j++) out[j] = input(u[j]);
  else input.fillFromUniforms(u, out, m);
}

/**
 * Saltelli-2010 first-order and Jansen total-order estimates over the rows listed in
 * `rows` (all rows, or a bootstrap resample), on outputs already centred near 0.
 * Writes into first/total and returns the pooled variance.
 */
function estimate(fA: Float64Array, fB: Float64Array, fAB: readonly Float64Array[], rows: Uint32Array, first: Float64Array, total: Float64Array): number {
  const N = rows.length;
  let s = 0;
  for (let j = 0; j < N; j++) s += fA[rows[j]] + fB[rows[j]];
  const shift = s / (2 * N);
  let ss = 0;
  for (let j = 0; j < N; j++) {
    const a = fA[rows[j]] - shift;
    const b = fB[rows[j]] - shift;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * N - 1);
  for (let i = 0; i < fAB.length; i++) {
    const ab = fAB[i];
    let s1 = 0;
    let st = 0;
    for (let j = 0; j < N; j++) {
      const r = rows[j];
      const d = ab[r] - fA[r];
      s1 += (fB[r] - shift) * d;
      st += d * d;
    }
    first[i] = variance > 0 ? s1 / N / variance : Number.NaN;
    total[i] = variance > 0 ? st / (2 * N) / variance : Number.NaN;
  }
  return variance;
}
