/** Result of `linearRegression`. */
export interface LinearRegression {
  intercept: number;
  /** One slope per column (0 for aliased columns). */
  coefficients: Float64Array;
  /** Standardised slopes b_i·sd(x_i)/sd(y) (the SRCs), 0 for aliased columns. */
  standardized: Float64Array;
  /** Coefficient of determination of the fit with intercept; NaN when y is constant. */
  rSquared: number;
  n: number;
  /** Indices of columns left out because they are constant or collinear with earlier ones. */
  aliased: number[];
  /**
   * Pearson correlations between the columns, k×k row-major (a by-product of the fit);
   * NaN in the rows/columns of constant columns. On rank columns these are Spearman ρs.
   */
  correlations: Float64Array;
}

/** Rows per cache-resident chunk when accumulating cross products. */
const CHUNK_ROWS = 2048;

/** Pivots below this (on the correlation scale) are treated as collinearity. */
const PIVOT_TOLERANCE = 1e-10;

/**
 * Multiple least-squares regression y ≈ b0 + Σ b_i·x_i via the normal equations on the
 * correlation scale: the centred cross-product matrix is scaled to a correlation matrix
 * R, R·β = r (r = corr(x_i, y)) is solved by Cholesky, then b_i = β_i·sd(y)/sd(x_i) and
 * R² = β·r. Centring and scaling keep the system well conditioned; a column that is
 * constant or (numerically) a linear combination of earlier ones is dropped (listed in
 * `aliased`, coefficient 0). Cost: one pass over the data (k(k+1)/2 dot products on cache-sized row chunks).
 * Columns must not contain NaN.
 *
 * @example
 * const x = new Float64Array([0, 1, 2, 3]);
 * linearRegression([x], new Float64Array([1, 3, 5, 7])); // intercept 1, coefficients [2], rSquared 1
 */
export function linearRegression(columns: readonly Float64Array[], y: Float64Array): LinearRegression {
  const k = columns.length;
  const n = y.length;
  for (let i = 0; i < k; i++) {
    if (columns[i].length !== n) throw new RangeError(`linearRegression: column ${i} has length ${columns[i].length}, expected ${n}`);
  }
  const means = new Float64Array(k);
  for (let i = 0; i < k; i++) means[i] = columnMean(columns[i]);
  const my = columnMean(y);

  const { S, c, syy } = centredCrossProducts(columns, y, means, my);

  const coefficients = new Float64Array(k);
  const standardized = new Float64Array(k);
  const aliased: number[] = [];
  const scale = new Float64Array(k);
  for (let i = 0; i < k; i++) scale[i] = Math.sqrt(S[i * k + i]);
  const correlations = correlationMatrix(S, scale, k);
  if (!(syy > 0)) {
    for (let i = 0; i < k; i++) if (!(scale[i] > 0)) aliased.push(i);
    return { intercept: my, coefficients, standardized, rSquared: Number.NaN, n, aliased, correlations };
  }
  const sdy = Math.sqrt(syy);

  // Correlation matrix R (lower triangle) and r, then Cholesky R = L·L' and the solve.
  const r = new Float64Array(k);
  for (let i = 0; i < k; i++) if (scale[i] > 0) r[i] = c[i] / (scale[i] * sdy);
  const keep = solveByCholesky(correlations, scale, r, standardized, aliased);
  let rSquared = 0;
  let intercept = my;
  for (let i = 0; i < k; i++) {
    if (!keep[i]) continue;
    rSquared += standardized[i] * r[i];
    coefficients[i] = (standardized[i] * sdy) / scale[i];
    intercept -= coefficients[i] * means[i];
  }
  aliased.sort((a, b) => a - b);
  return { intercept, coefficients, standardized, rSquared: Math.min(1, Math.max(0, rSquared)), n, aliased, correlations };
}

function columnMean(x: Float64Array): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t];
  return s / x.length;
}

/**
 * Centred cross products over row chunks whose centred copies stay in cache (one pass
 * over the data in memory): S (k×k, lower triangle), c = X'y and syy.
 */
function centredCrossProducts(
  columns: readonly Float64Array[],
  y: Float64Array,
  means: Float64Array,
  my: number,
): { S: Float64Array; c: Float64Array; syy: number } {
  const k = columns.length;
  const n = y.length;
  const S = new Float64Array(k * k);
  const c = new Float64Array(k);
  let syy = 0;
  const chunk = Math.min(n, CHUNK_ROWS);
  const scratch = new Float64Array(chunk * (k + 1));
  for (let t0 = 0; t0 < n; t0 += chunk) {
    const len = Math.min(chunk, n - t0);
    const yc = scratch.subarray(k * chunk, k * chunk + len);
    for (let t = 0; t < len; t++) {
      const d = y[t0 + t] - my;
      yc[t] = d;
      syy += d * d;
    }
    for (let i = 0; i < k; i++) {
      const xi = columns[i];
      const mi = means[i];
      const ci = scratch.subarray(i * chunk, i * chunk + len);
      let sy = 0;
      for (let t = 0; t < len; t++) {
        const d = xi[t0 + t] - mi;
        ci[t] = d;
        sy += d * yc[t];
      }
      c[i] += sy;
      for (let j = 0; j <= i; j++) {
        const cj = scratch.subarray(j * chunk, j * chunk + len);
        let s = 0;
        for (let t = 0; t < len; t++) s += ci[t] * cj[t];
        S[i * k + j] += s;
      }
    }
  }
  return { S, c, syy };
}

/** The full k×k correlation matrix from the cross products' lower triangle (NaN on a constant column's diagonal). */
function correlationMatrix(S: Float64Array, scale: Float64Array, k: number): Float64Array {
  const correlations = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      const r = i === j ? (scale[i] > 0 ? 1 : Number.NaN) : S[i * k + j] / (scale[i] * scale[j]);
      const clamped = r > 1 ? 1 : r < -1 ? -1 : r;
      correlations[i * k + j] = clamped;
      correlations[j * k + i] = clamped;
    }
  }
  return correlations;
}

/**
 * Solves R·β = r into `standardized` by Cholesky R = L·L' over the non-constant columns,
 * dropping (into `aliased`) columns that are constant or whose pivot falls below
 * PIVOT_TOLERANCE; returns which columns were kept.
 */
function solveByCholesky(correlations: Float64Array, scale: Float64Array, r: Float64Array, standardized: Float64Array, aliased: number[]): Uint8Array {
  const k = r.length;
  const L = new Float64Array(k * k);
  const keep = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    if (!(scale[i] > 0)) continue;
    for (let j = 0; j <= i; j++) if (scale[j] > 0) L[i * k + j] = i === j ? 1 : correlations[i * k + j];
  }
  for (let j = 0; j < k; j++) {
    if (!(scale[j] > 0)) {
      aliased.push(j);
      continue;
    }
    let d = L[j * k + j];
    for (let p = 0; p < j; p++) d -= L[j * k + p] * L[j * k + p];
    if (d < PIVOT_TOLERANCE) {
      aliased.push(j);
      for (let p = 0; p < k; p++) L[j * k + p] = 0;
      continue;
    }
    keep[j] = 1;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      if (!(scale[i] > 0)) continue;
      let s = L[i * k + j];
      for (let p = 0; p < j; p++) s -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = s / ljj;
    }
  }
  // Forward then back substitution over the kept columns (aliased rows are zero).
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    if (!keep[i]) continue;
    let s = r[i];
    for (let p = 0; p < i; p++) if (keep[p]) s -= L[i * k + p] * z[p];
    z[i] = s / L[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    if (!keep[i]) continue;
    let s = z[i];
    for (let p = i + 1; p < k; p++) if (keep[p]) s -= L[p * k + i] * standardized[p];
    standardized[i] = s / L[i * k + i];
  }
  return keep;
}
