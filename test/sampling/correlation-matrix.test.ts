import { describe, expect, it } from 'vitest';
import { CorrelationError, factorCorrelation, symmetricEigen } from '../../models/sampling/correlation-matrix.ts';

function rejection(matrix: number[][]): CorrelationError {
  try {
    factorCorrelation(matrix);
  } catch (error) {
    expect(error).toBeInstanceOf(CorrelationError);
    return error as CorrelationError;
  }
  throw new Error('expected the matrix to be rejected');
}

/** F·Fᵀ of a row-major k×k factor. */
function gram(factor: Float64Array, k: number): number[][] {
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let sum = 0;
      for (let m = 0; m < k; m++) sum += factor[i * k + m] * factor[j * k + m];
      return sum;
    }),
  );
}

function det3(m: number[][]): number {
  return (
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
  );
}

const minusLambda = (m: number[][], lambda: number): number[][] => m.map((row, i) => row.map((value, j) => (i === j ? value - lambda : value)));

// A = I + 0.9·B with B = [[0, 1, −1], [1, 0, 1], [−1, 1, 0]].
// det(B − λI) = −λ³ + 3λ − 2 = −(λ − 1)²(λ + 2), so B has eigenvalues 1, 1, −2
// and A has 1 + 0.9 = 1.9 (twice) and 1 − 1.8 = −0.8: not positive semi-definite.
const notPsd = [
  [1, 0.9, -0.9],
  [0.9, 1, 0.9],
  [-0.9, 0.9, 1],
];

describe('factorCorrelation validation names the field', () => {
  it('rejects a non-square matrix (row with the wrong length)', () => {
    expect(rejection([[1, 0], [0]]).field).toBe('matrix/1');
    expect(
      rejection([
        [1, 0, 0],
        [0, 1],
      ]).field,
    ).toBe('matrix/0');
    expect(
      rejection([
        [1, 0],
        [0, 1, 0],
      ]).message,
    ).toContain('row 1 has 3 entries');
  });

  it('rejects a diagonal entry other than 1', () => {
    const error = rejection([
      [1, 0.2],
      [0.2, 0.9],
    ]);
    expect(error.field).toBe('matrix/1/1');
    expect(error.message).toContain('diagonal must be 1');
  });

  it('rejects entries outside [−1, 1] and non-finite entries', () => {
    expect(
      rejection([
        [1, 1.5],
        [1.5, 1],
      ]).field,
    ).toBe('matrix/0/1');
    expect(
      rejection([
        [1, -1.01],
        [-1.01, 1],
      ]).field,
    ).toBe('matrix/0/1');
    expect(
      rejection([
        [1, Number.NaN],
        [Number.NaN, 1],
      ]).field,
    ).toBe('matrix/0/1');
    expect(
      rejection([
        [1, 1.5],
        [1.5, 1],
      ]).message,
    ).toContain('[-1, 1]');
  });

  it('rejects an asymmetric matrix', () => {
    const error = rejection([
      [1, 0.5, 0],
      [0.5, 1, 0.3],
      [0, 0.2, 1],
    ]);
    expect(error.field).toBe('matrix/1/2');
    expect(error.message).toContain('symmetric');
  });

  it('the non-PSD example really has eigenvalues 1.9, 1.9, −0.8 (characteristic polynomial)', () => {
    // Trace = 3 = 1.9 + 1.9 − 0.8; det = 1.9² · (−0.8) = −2.888; det(A − λI) = 0 at each eigenvalue.
    expect(det3(notPsd)).toBeCloseTo(1.9 * 1.9 * -0.8, 12);
    for (const lambda of [1.9, -0.8]) expect(det3(minusLambda(notPsd, lambda))).toBeCloseTo(0, 12);
    expect(symmetricEigen(notPsd).values[0]).toBeCloseTo(-0.8, 12);
  });

  it('rejects a matrix that is not positive semi-definite, naming the smallest eigenvalue', () => {
    const error = rejection(notPsd);
    expect(error.field).toBe('matrix');
    expect(error.message).toContain('not positive semi-definite');
    expect(error.message).toContain('-0.8000');
  });
});

describe('factorCorrelation factor', () => {
  it.each([
    [
      '2×2, ρ = 0.5',
      [
        [1, 0.5],
        [0.5, 1],
      ],
    ],
    [
      '2×2, ρ = −0.99',
      [
        [1, -0.99],
        [-0.99, 1],
      ],
    ],
    [
      '3×3',
      [
        [1, 0.5, -0.3],
        [0.5, 1, 0.2],
        [-0.3, 0.2, 1],
      ],
    ],
    [
      '4×4 identity',
      [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ],
    ],
    [
      '3×3 equicorrelated 0.7',
      [
        [1, 0.7, 0.7],
        [0.7, 1, 0.7],
        [0.7, 0.7, 1],
      ],
    ],
  ])('F·Fᵀ reproduces the %s matrix to 1e-12', (_, matrix) => {
    const k = matrix.length;
    const { factor } = factorCorrelation(matrix);
    const product = gram(factor, k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(Math.abs(product[i][j] - matrix[i][j])).toBeLessThan(1e-12);
  });

  it('returns ascending eigenvalues: 1 ∓ ρ for 2×2, 1 − ρ (twice) and 1 + 2ρ for 3×3 equicorrelated', () => {
    const two = factorCorrelation([
      [1, 0.5],
      [0.5, 1],
    ]).eigenvalues;
    expect(two[0]).toBeCloseTo(0.5, 14);
    expect(two[1]).toBeCloseTo(1.5, 14);
    const three = factorCorrelation([
      [1, 0.7, 0.7],
      [0.7, 1, 0.7],
      [0.7, 0.7, 1],
    ]).eigenvalues;
    expect(three[0]).toBeCloseTo(0.3, 12);
    expect(three[1]).toBeCloseTo(0.3, 12);
    expect(three[2]).toBeCloseTo(2.4, 12);
  });

  it('accepts a singular PSD matrix (all ones) and still factors it', () => {
    const ones = [
      [1, 1],
      [1, 1],
    ];
    const { factor, eigenvalues } = factorCorrelation(ones);
    expect(eigenvalues[0]).toBeCloseTo(0, 12);
    expect(eigenvalues[1]).toBeCloseTo(2, 12);
    const product = gram(factor, 2);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(product[i][j] - 1)).toBeLessThan(1e-12);
    // Rank one: every entry of the factor's second column (eigenvalue 2) is ±1, the first is 0.
    expect(Math.abs(factor[0])).toBeLessThan(1e-12);
    expect(Math.abs(factor[2])).toBeLessThan(1e-12);
    expect(Math.abs(factor[1])).toBeCloseTo(1, 12);
    expect(factor[1] * factor[3]).toBeCloseTo(1, 12);
  });

  it('accepts the 3×3 all-ones matrix (eigenvalues 0, 0, 3)', () => {
    const ones = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    const { factor, eigenvalues } = factorCorrelation(ones);
    expect(eigenvalues[2]).toBeCloseTo(3, 12);
    const product = gram(factor, 3);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Math.abs(product[i][j] - 1)).toBeLessThan(1e-12);
  });
});

describe('symmetricEigen', () => {
  it('gives 2 − √2, 2, 2 + √2 and the known eigenvectors of the second-difference matrix', () => {
    const matrix = [
      [2, -1, 0],
      [-1, 2, -1],
      [0, -1, 2],
    ];
    const { values, vectors } = symmetricEigen(matrix);
    const expectedValues = [2 - Math.SQRT2, 2, 2 + Math.SQRT2];
    const expectedVectors = [
      [0.5, Math.SQRT1_2, 0.5],
      [Math.SQRT1_2, 0, -Math.SQRT1_2],
      [0.5, -Math.SQRT1_2, 0.5],
    ];
    for (let e = 0; e < 3; e++) {
      expect(values[e]).toBeCloseTo(expectedValues[e], 13);
      const column = [vectors[e], vectors[3 + e], vectors[6 + e]];
      // Eigenvectors are defined up to sign: |⟨v, expected⟩| = 1.
      const dot = column.reduce((sum, value, r) => sum + value * expectedVectors[e][r], 0);
      expect(Math.abs(dot)).toBeCloseTo(1, 13);
    }
  });

  it('returns orthonormal column eigenvectors with A·v = λ·v', () => {
    const matrix = [
      [4, 1, -2, 2],
      [1, 2, 0, 1],
      [-2, 0, 3, -2],
      [2, 1, -2, -1],
    ];
    const k = 4;
    const { values, vectors } = symmetricEigen(matrix);
    for (let e = 1; e < k; e++) expect(values[e]).toBeGreaterThanOrEqual(values[e - 1]);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let r = 0; r < k; r++) dot += vectors[r * k + a] * vectors[r * k + b];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
      for (let r = 0; r < k; r++) {
        let av = 0;
        for (let m = 0; m < k; m++) av += matrix[r][m] * vectors[m * k + a];
        expect(av).toBeCloseTo(values[a] * vectors[r * k + a], 11);
      }
    }
    // The eigenvalues add up to the trace, 4 + 2 + 3 − 1 = 8.
    expect(values.reduce((sum, value) => sum + value, 0)).toBeCloseTo(8, 12);
  });

  it("sorts a diagonal matrix's entries ascending", () => {
    expect(
      Array.from(
        symmetricEigen([
          [2, 0],
          [0, 1],
        ]).values,
      ),
    ).toEqual([1, 2]);
    expect(
      Array.from(
        symmetricEigen([
          [3, 0, 0],
          [0, -1, 0],
          [0, 0, 2],
        ]).values,
      ),
    ).toEqual([-1, 2, 3]);
  });
});
