import { bootstrapIndices, estimate, type SobolIndex } from './sobol-estimators.ts';

export type { SobolIndex } from './sobol-estimators.ts';

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
  const design = sobolDesign(options);
  const evaluations = evaluateSobolUnits(options, { first: 0, last: design.units });
  // options.rng has drawn the whole design: the bootstrap continues from there.
  return sobolFromEvaluations(options, [evaluations], options.rng);
}

/** The shape of a Saltelli design, as `sobolIndices` evaluates it. */
export interface SobolDesign {
  /** Inputs. */
  k: number;
  /** N. */
  baseSamples: number;
  /** Rows per block (the last block may be shorter). */
  blockSize: number;
  blocks: number;
  /** Model calls in evaluation order: per block A, B, then A_B^(1) … A_B^(k): blocks · (k + 2). */
  units: number;
}

/**
 * Validates the options and gives the design's shape. Its units (one model call each:
 * block by block, A, B, then each A_B^(i)) are what `evaluateSobolUnits` computes in any
 * contiguous ranges, on any machine, for `sobolFromEvaluations` to put together.
 *
 * @example
 * sobolDesign({ inputs: [inv, inv], baseSamples: 20_000, model, rng }).units // 3 blocks × 4 = 12
 */
export function sobolDesign(options: SobolOptions): SobolDesign {
  const k = options.inputs.length;
  const N = options.baseSamples;
  if (k < 1) throw new RangeError('sobolIndices: at least one input is required');
  if (!Number.isInteger(N) || N < 2) throw new RangeError(`sobolIndices: baseSamples must be an integer >= 2, got ${N}`);
  const blockSize = Math.min(N, options.blockSize ?? 8192);
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`sobolIndices: invalid blockSize ${options.blockSize}`);
  sobolBootstrapSettings(options);
  const blocks = Math.ceil(N / blockSize);
  return { k, baseSamples: N, blockSize, blocks, units: blocks * (k + 2) };
}

/**
 * Rows of one unit of the design.
 *
 * @example
 * sobolUnitRows(design, 0) // design.blockSize (A of the first block)
 */
export function sobolUnitRows(design: SobolDesign, unit: number): number {
  const block = Math.floor(unit / (design.k + 2));
  return Math.min(design.blockSize, design.baseSamples - block * design.blockSize);
}

/** Model outputs of a range of a design's units. */
export interface SobolEvaluations {
  first: number;
  last: number;
  /** Each unit's outputs, in unit order. */
  values: Float64Array;
  /** Per input: its first sampled A value in these units' blocks, and whether any A or B value there differs from it. */
  firstValue: number[];
  varied: boolean[];
}

/**
 * Evaluates units [first, last) of the design. `options.rng` must start where the design
 * starts (a fresh source with the design's seed): the draws of earlier blocks are skipped.
 *
 * @example
 * const part = evaluateSobolUnits({ ...options, rng: freshRng() }, { first: 12, last: 24 });
 */
export function evaluateSobolUnits(options: SobolOptions, range: { first: number; last: number }): SobolEvaluations {
  const { inputs, model, rng } = options;
  const design = sobolDesign(options);
  const { k, blockSize } = design;
  const perBlock = k + 2;
  let length = 0;
  for (let unit = range.first; unit < range.last; unit++) length += sobolUnitRows(design, unit);
  const values = new Float64Array(length);
  const firstValue: number[] = [];
  const varied: boolean[] = inputs.map(() => false);
  if (range.last <= range.first) return { first: range.first, last: range.last, values, firstValue, varied };
  const firstBlock = Math.floor(range.first / perBlock);
  const lastBlock = Math.floor((range.last - 1) / perBlock);
  // Earlier blocks drew 2k uniforms per row, all of them full.
  for (let skipped = 2 * k * blockSize * firstBlock; skipped > 0; skipped--) rng();
  const uA = inputs.map(() => new Float64Array(blockSize));
  const uB = inputs.map(() => new Float64Array(blockSize));
  const xA = inputs.map(() => new Float64Array(blockSize));
  const xB = inputs.map(() => new Float64Array(blockSize));
  let at = 0;
  for (let block = firstBlock; block <= lastBlock; block++) {
    const offset = block * blockSize;
    const m = Math.min(blockSize, design.baseSamples - offset);
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < k; i++) uA[i][j] = rng();
      for (let i = 0; i < k; i++) uB[i][j] = rng();
    }
    for (let i = 0; i < k; i++) {
      transform(inputs[i], uA[i], xA[i], m);
      transform(inputs[i], uB[i], xB[i], m);
      if (block === firstBlock) firstValue[i] = xA[i][0];
      if (!varied[i]) varied[i] = differs(xA[i], m, firstValue[i]) || differs(xB[i], m, firstValue[i]);
    }
    const colsA = m === blockSize ? xA.slice() : xA.map((c) => c.subarray(0, m));
    const colsB = m === blockSize ? xB.slice() : xB.map((c) => c.subarray(0, m));
    const from = Math.max(range.first, block * perBlock) - block * perBlock;
    const to = Math.min(range.last, (block + 1) * perBlock) - block * perBlock;
    for (let matrix = from; matrix < to; matrix++) {
      let columns = colsA;
      let label = 'A';
      if (matrix === 1) {
        columns = colsB;
        label = 'B';
      } else if (matrix >= 2) {
        columns = colsA.slice();
        columns[matrix - 2] = colsB[matrix - 2];
        label = `A_B^(${matrix - 2})`;
      }
      const y = model(columns, m);
      if (y.length < m) throw new RangeError(`sobolIndices: model returned ${y.length} values for ${m} rows`);
      for (let j = 0; j < m; j++) {
        const v = y[j];
        if (!Number.isFinite(v)) throw new RangeError(`sobolIndices: model returned ${v} on row ${offset + j} of ${label}`);
        values[at + j] = v;
      }
      at += m;
    }
  }
  return { first: range.first, last: range.last, values, firstValue, varied };
}

/**
 * Draws the whole design's uniforms from `rng` and drops them: a fresh source then stands
 * where the bootstrap of `sobolIndices` starts.
 *
 * @example
 * sobolFromEvaluations(options, parts, skipSobolDesign(freshRng(), sobolDesign(options)));
 */
export function skipSobolDesign(rng: () => number, design: SobolDesign): () => number {
  for (let skipped = 2 * design.k * design.baseSamples; skipped > 0; skipped--) rng();
  return rng;
}

/**
 * The indices from every unit's outputs (parts in unit order, together covering them all),
 * with the bootstrap drawing from `rng` (standing after the design: see `skipSobolDesign`).
 *
 * @example
 * sobolFromEvaluations(options, [evaluateSobolUnits(options, { first: 0, last: design.units })], options.rng);
 */
export function sobolFromEvaluations(options: SobolOptions, parts: readonly SobolEvaluations[], rng: () => number): SobolResult {
  const centred = sobolCentred(options, parts);
  const k = centred.fAB.length;
  const boot = sobolBootstrapSettings(options);
  const intervals = boot ? sobolBootstrap(centred, boot, rng, 0, k) : null;
  const nan = (): [number, number] => [Number.NaN, Number.NaN];
  const indices = Array.from({ length: k }, (_, i) => ({
    first: centred.first[i],
    firstCi: intervals ? intervals[i].firstCi : nan(),
    total: centred.total[i],
    totalCi: intervals ? intervals[i].totalCi : nan(),
  }));
  const { mean, variance, unvaried } = centred;
  return { indices, evaluations: centred.fA.length * (k + 2), mean, variance, unvaried };
}

/** Every model output of a design, centred on the pooled mean, with the point estimates. */
export interface SobolCentred {
  fA: Float64Array;
  fB: Float64Array;
  fAB: Float64Array[];
  mean: number;
  variance: number;
  first: Float64Array;
  total: Float64Array;
  unvaried: number[];
}

/**
 * Puts the parts' outputs in place (A, B and each A_B^(i) as columns of N rows), centres
 * them on the pooled mean and estimates the indices: everything but the bootstrap.
 *
 * @example
 * const centred = sobolCentred(options, parts); // then sobolBootstrap for the intervals
 */
export function sobolCentred(options: SobolOptions, parts: readonly SobolEvaluations[]): SobolCentred {
  const design = sobolDesign(options);
  const { k, blockSize } = design;
  const N = design.baseSamples;
  const fA = new Float64Array(N);
  const fB = new Float64Array(N);
  const fAB: Float64Array[] = [];
  for (let i = 0; i < k; i++) fAB.push(new Float64Array(N));
  const varied = new Uint8Array(k);
  let expected = 0;
  for (const part of parts) {
    if (part.first !== expected) throw new RangeError(`sobolIndices: the parts leave out units ${expected} to ${part.first - 1}`);
    expected = part.last;
    let at = 0;
    for (let unit = part.first; unit < part.last; unit++) {
      const block = Math.floor(unit / (k + 2));
      const matrix = unit % (k + 2);
      const m = sobolUnitRows(design, unit);
      const target = matrix === 0 ? fA : matrix === 1 ? fB : fAB[matrix - 2];
      target.set(part.values.subarray(at, at + m), block * blockSize);
      at += m;
    }
    // An input varied if it varied within a part, or if parts began on different values.
    for (let i = 0; i < k; i++) if (part.first < part.last && (part.varied[i] || part.firstValue[i] !== parts[0].firstValue[i])) varied[i] = 1;
  }
  if (expected !== design.units) throw new RangeError(`sobolIndices: the parts stop at unit ${expected} of ${design.units}`);

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
  const unvaried: number[] = [];
  for (let i = 0; i < k; i++) if (!varied[i]) unvaried.push(i);
  return { fA, fB, fAB, mean, variance, first, total, unvaried };
}

/**
 * Percentile-bootstrap intervals of inputs [from, to): every resample's rows are drawn from
 * `rng` (standing after the design) whatever the range, and each input is re-estimated on
 * them alone, so ranges bootstrapped apart equal the whole bootstrap.
 *
 * @example
 * sobolBootstrap(centred, { resamples: 200, confidence: 0.95 }, skipSobolDesign(freshRng(), design), 0, 4)[0].firstCi
 */
export function sobolBootstrap(
  centred: Pick<SobolCentred, 'fA' | 'fB' | 'fAB'>,
  boot: { resamples: number; confidence: number },
  rng: () => number,
  from: number,
  to: number,
): Array<Pick<SobolIndex, 'firstCi' | 'totalCi'>> {
  return bootstrapIndices(centred.fA, centred.fB, centred.fAB, boot, rng, from, to);
}

/**
 * The bootstrap settings, validated (null: no confidence intervals).
 *
 * @example
 * sobolBootstrapSettings({ ...options, bootstrap: false }) // null
 */
export function sobolBootstrapSettings(options: SobolOptions): { resamples: number; confidence: number } | null {
  const boot = options.bootstrap === false ? null : { resamples: options.bootstrap?.resamples ?? 200, confidence: options.bootstrap?.confidence ?? 0.95 };
  if (boot && (!Number.isInteger(boot.resamples) || boot.resamples < 1 || !(boot.confidence > 0 && boot.confidence < 1))) {
    throw new RangeError('sobolIndices: bootstrap needs an integer resamples >= 1 and 0 < confidence < 1');
  }
  return boot;
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
