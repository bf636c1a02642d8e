import { normalInv } from '../math/normal-inv.ts';
import { nextUint32, type RngState } from '../rng/sfc32.ts';
import type { CorrelationFactor } from './correlation-matrix.ts';
import { argsortScratch, radixArgsort } from './radix-argsort.ts';
import { scoreArgsort, scoreArgsortScratch } from './score-argsort.ts';

/**
 * Iman & Conover (1982): rearranges each column (the samples themselves are kept,
 * only their order changes, so every marginal distribution is untouched) so that
 * the columns' rank correlation approaches the target whose square-root factor is
 * given. Works in place on one chunk and returns the Spearman matrix achieved
 * (row-major k×k). A column's values already in ascending order (as Latin Hypercube
 * strata give them) may be passed in `sortedColumns` to skip sorting it; they are
 * checked, and sorted anyway if not ascending.
 *
 * @example
 * const achieved = imanConover([volume, handleTime], n, factorCorrelation(target), state);
 */
export function imanConover(
  columns: Float64Array[],
  n: number,
  target: CorrelationFactor,
  state: RngState,
  sortedColumns: (Float64Array | null)[] = [],
): Float64Array {
  const k = columns.length;
  const achieved = new Float64Array(k * k);
  for (let i = 0; i < k; i++) achieved[i * k + i] = 1;
  if (n < k + 2) return achieved;

  const baseScores = standardScores(n);
  const scratch = scratchFor(n, k);
  const scores = scratch.scores;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < n; j++) scores[j * k + c] = baseScores[j];
    for (let j = n - 1; j > 0; j--) {
      const r = Math.floor((nextUint32(state) * (j + 1)) / 4294967296);
      const swap = scores[j * k + c];
      scores[j * k + c] = scores[r * k + c];
      scores[r * k + c] = swap;
    }
  }

  const transform = transformFromCovariance(scoreCovariance(scores, n, k), k, target);
  if (!transform) return achieved;
  const row = new Float64Array(k);
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < k; a++) {
      let sum = 0;
      for (let b = 0; b < k; b++) sum += transform[a * k + b] * scores[j * k + b];
      row[a] = sum;
    }
    for (let a = 0; a < k; a++) scores[j * k + a] = row[a];
  }

  const { keys, order, sortedValues, ranks, finalRanks, runRank } = scratch;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < n; j++) keys[j] = scores[j * k + c];
    scoreArgsort(keys, n, order, scratch.scoreArgsort);
    const rank = ranks[c];
    for (let position = 0; position < n; position++) rank[order[position]] = position;
    const column = columns[c];
    const presorted = sortedColumns[c];
    if (presorted && isAscending(presorted, n)) sortedValues.set(presorted.subarray(0, n));
    else {
      radixArgsort(column, n, order, scratch.argsort);
      for (let position = 0; position < n; position++) sortedValues[position] = column[order[position]];
    }
    for (let j = 0; j < n; j++) column[j] = sortedValues[rank[j]];
    // Average ranks over runs of equal values, so the reported Spearman is right for discrete inputs too.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && sortedValues[end] === sortedValues[start]) end++;
      const average = (start + end - 1) / 2;
      for (let position = start; position < end; position++) runRank[position] = average;
      start = end;
    }
    const final = finalRanks[c];
    for (let j = 0; j < n; j++) final[j] = runRank[rank[j]];
  }

  // Spearman = Pearson correlation of the (average) ranks of the rearranged columns.
  const meanRank = (n - 1) / 2;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let cross = 0;
      let squaresA = 0;
      let squaresB = 0;
      const rankA = finalRanks[a];
      const rankB = finalRanks[b];
      for (let j = 0; j < n; j++) {
        const da = rankA[j] - meanRank;
        const db = rankB[j] - meanRank;
        cross += da * db;
        squaresA += da * da;
        squaresB += db * db;
      }
      const rho = squaresA > 0 && squaresB > 0 ? cross / Math.sqrt(squaresA * squaresB) : 0;
      achieved[a * k + b] = rho;
      achieved[b * k + a] = rho;
    }
  }
  return achieved;
}

function isAscending(values: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (!(values[i - 1] <= values[i])) return false;
  return true;
}

interface IcScratch {
  scores: Float64Array;
  keys: Float64Array;
  order: Uint32Array;
  sortedValues: Float64Array;
  ranks: Uint32Array[];
  finalRanks: Float64Array[];
  runRank: Float64Array;
  argsort: ReturnType<typeof argsortScratch>;
  scoreArgsort: ReturnType<typeof scoreArgsortScratch>;
}

let lastScratch: { n: number; k: number; scratch: IcScratch } | null = null;

/** Chunks are all the same size: reuse one set of buffers instead of allocating per chunk. */
function scratchFor(n: number, k: number): IcScratch {
  if (!lastScratch || lastScratch.n !== n || lastScratch.k !== k) {
    const argsort = argsortScratch(n);
    lastScratch = {
      n,
      k,
      scratch: {
        scores: new Float64Array(n * k),
        keys: new Float64Array(n),
        order: new Uint32Array(n),
        sortedValues: new Float64Array(n),
        ranks: Array.from({ length: k }, () => new Uint32Array(n)),
        finalRanks: Array.from({ length: k }, () => new Float64Array(n)),
        runRank: new Float64Array(n),
        argsort,
        scoreArgsort: scoreArgsortScratch(n, argsort),
      },
    };
  }
  return lastScratch.scratch;
}

const scoreCache = new Map<number, Float64Array>();

/**
 * Van der Waerden scores Φ⁻¹(j/(n+1)), scaled to unit variance; the same for every chunk
 * of size n (cached: do not modify).
 *
 * @example
 * standardScores(4096)[0] // ≈ −3.5, the lowest score of a 4,096-trial chunk
 */
export function standardScores(n: number): Float64Array {
  let scores = scoreCache.get(n);
  if (!scores) {
    scores = new Float64Array(n);
    let sumSquares = 0;
    for (let j = 0; j < n; j++) {
      scores[j] = normalInv((j + 1) / (n + 1));
      sumSquares += scores[j] * scores[j];
    }
    const scale = 1 / Math.sqrt(sumSquares / n);
    for (let j = 0; j < n; j++) scores[j] *= scale;
    if (scoreCache.size > 8) scoreCache.clear();
    scoreCache.set(n, scores);
  }
  return scores;
}

/** The upper triangle (row-major k×k) of the shuffled scores' co-moments about their means. */
function scoreCovariance(scores: Float64Array, n: number, k: number): Float64Array {
  const means = new Float64Array(k);
  for (let j = 0; j < n; j++) for (let a = 0; a < k; a++) means[a] += scores[j * k + a] / n;
  const covariance = new Float64Array(k * k);
  for (let j = 0; j < n; j++) {
    for (let a = 0; a < k; a++) {
      const da = scores[j * k + a] - means[a];
      for (let b = a; b < k; b++) covariance[a * k + b] += da * (scores[j * k + b] - means[b]);
    }
  }
  return covariance;
}

/**
 * The k×k matrix (row-major) that takes the shuffled scores, whose co-moments about
 * their means are the upper triangle of `covariance`, to scores with the target's
 * correlation: factor · L⁻¹, L the Cholesky factor of the scores' correlation.
 * Undefined when that correlation is not positive definite (the chunk is left as drawn).
 * Shared by this module and its WebAssembly port, so both compute it with the same bits.
 *
 * @example
 * const transform = transformFromCovariance(covariance, 3, factorCorrelation(matrix));
 */
export function transformFromCovariance(covariance: Float64Array, k: number, target: CorrelationFactor): Float64Array | undefined {
  const correlation = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const value = covariance[a * k + b] / Math.sqrt(covariance[a * k + a] * covariance[b * k + b]);
      correlation[a * k + b] = value;
      correlation[b * k + a] = value;
    }
  }
  const lower = cholesky(correlation, k);
  return lower && multiply(target.factor, invertLower(lower, k), k);
}

function cholesky(matrix: Float64Array, k: number): Float64Array | undefined {
  const lower = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * k + j];
      for (let m = 0; m < j; m++) sum -= lower[i * k + m] * lower[j * k + m];
      if (i === j) {
        if (sum <= 1e-12) return undefined;
        lower[i * k + i] = Math.sqrt(sum);
      } else lower[i * k + j] = sum / lower[j * k + j];
    }
  }
  return lower;
}

function invertLower(lower: Float64Array, k: number): Float64Array {
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    inverse[i * k + i] = 1 / lower[i * k + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum -= lower[i * k + m] * inverse[m * k + j];
      inverse[i * k + j] = sum / lower[i * k + i];
    }
  }
  return inverse;
}

function multiply(left: Float64Array, right: Float64Array, k: number): Float64Array {
  const product = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += left[i * k + m] * right[m * k + j];
      product[i * k + j] = sum;
    }
  }
  return product;
}
