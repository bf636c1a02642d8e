/** Why a correlation matrix was rejected. */
export class CorrelationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CorrelationError';
  }
}

export interface CorrelationFactor {
  /** Row-major k×k matrix F with F·Fᵀ = the target matrix. */
  factor: Float64Array;
  /** Eigenvalues of the target matrix, ascending. */
  eigenvalues: Float64Array;
}

const PSD_TOLERANCE = 1e-10;

/**
 * Validates a rank-correlation matrix (square, symmetric, unit diagonal, entries in
 * [-1, 1], positive semi-definite) and returns a square-root factor from its
 * eigen-decomposition, which also works for singular (semi-definite) matrices.
 *
 * @example
 * factorCorrelation([[1, 0.5], [0.5, 1]]).eigenvalues // [0.5, 1.5]
 */
export function factorCorrelation(matrix: readonly (readonly number[])[]): CorrelationFactor {
  const k = matrix.length;
  for (let i = 0; i < k; i++) {
    if (matrix[i].length !== k) throw new CorrelationError(`matrix/${i}`, `row ${i} has ${matrix[i].length} entries; the matrix must be ${k}×${k}`);
    if (Math.abs(matrix[i][i] - 1) > 1e-12) throw new CorrelationError(`matrix/${i}/${i}`, `the diagonal must be 1, got ${matrix[i][i]}`);
    for (let j = 0; j < k; j++) {
      const value = matrix[i][j];
      if (!Number.isFinite(value) || value < -1 || value > 1) throw new CorrelationError(`matrix/${i}/${j}`, `must be in [-1, 1], got ${value}`);
      if (Math.abs(value - matrix[j][i]) > 1e-12)
        throw new CorrelationError(`matrix/${i}/${j}`, `the matrix must be symmetric: [${i}][${j}] = ${value} but [${j}][${i}] = ${matrix[j][i]}`);
    }
  }
  const { values, vectors } = symmetricEigen(matrix);
  if (values[0] < -PSD_TOLERANCE) {
    throw new CorrelationError(
      'matrix',
      `the correlation matrix is not positive semi-definite (smallest eigenvalue ${values[0].toPrecision(4)}): these correlations cannot hold together; weaken the strongest ones`,
    );
  }
  const factor = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) factor[i * k + j] = vectors[i * k + j] * Math.sqrt(Math.max(values[j], 0));
  }
  return { factor, eigenvalues: values };
}

/**
 * Cyclic Jacobi eigen-decomposition of a small symmetric matrix. Deterministic and
 * exact enough (off-diagonal mass below 1e-22) for correlation matrices.
 * Returns ascending eigenvalues and column eigenvectors (row-major).
 *
 * @example
 * symmetricEigen([[2, 0], [0, 1]]).values // [1, 2]
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: Float64Array; vectors: Float64Array } {
  const k = matrix.length;
  const a = new Float64Array(k * k);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    v[i * k + i] = 1;
    for (let j = 0; j < k; j++) a[i * k + j] = matrix[i][j];
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += a[i * k + j] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[x * k + x] - a[y * k + y]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((source, target) => {
    values[target] = a[source * k + source];
    for (let r = 0; r < k; r++) vectors[r * k + target] = v[r * k + source];
  });
  return { values, vectors };
}
