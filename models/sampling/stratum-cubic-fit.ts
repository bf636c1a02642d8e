// The per-stratum cubic fit behind the stratum quantile tables (stratum-quantile-table.ts):
// its fit and check points, the fit weights, and the fitting of a set of strata.

/** Largest checked interpolation error, relative to |Q(p)| plus the interquartile range. */
export const STRATUM_TABLE_MAX_ERROR = 1e-12;

/** Chebyshev points of [0, 1], (1 − cos((2i + 1)π/8))/2, as literals so every engine fits the same cubic. */
const FIT_POINTS = [0.038060233744356624, 0.3086582838174551, 0.6913417161825449, 0.9619397662556434];

/** Where the interpolation error peaks: the ends and (1 − cos(jπ/4))/2 for j = 1, 2, 3. */
const CHECK_POINTS = [0, 0.14644660940672624, 0.5, 0.8535533905932737, 1];

/** A quantile column transform: out[i] = Q(p[i]) for ascending p in (0, 1). */
export type QuantileColumn = (p: Float64Array, out: Float64Array, n: number) => void;

/** Row i: the weights that turn the values at FIT_POINTS into coefficient c_i (the inverse Vandermonde matrix). */
const FIT_WEIGHTS = invertVandermonde(FIT_POINTS);

/**
 * Cubics for the given strata (ascending), each split into `pieces` equal parts of u: four
 * coefficients per piece in the piece's own coordinate, c0 = NaN where the fit misses.
 *
 * @example
 * const coefficients = fitPieces(quantiles, 4096, [0, 1, 2], 1, interquartile);
 */
export function fitPieces(quantiles: QuantileColumn, n: number, strata: number[], pieces: number, interquartile: number): Float64Array {
  const count = strata.length * pieces;
  const at = (points: number[]): Float64Array => {
    const probabilities = pieces === 1 && strata.length === n ? wholeStrataProbabilities(n, points) : pieceProbabilities(n, strata, pieces, points);
    const index = probabilities.length;
    // p = 0 or 1 (the ends of the outer strata) has no finite quantile in general: leave it NaN.
    const values = new Float64Array(probabilities.length);
    let inside = 0;
    while (inside < index && probabilities[inside] <= 0) values[inside++] = NaN;
    let end = index;
    while (end > inside && probabilities[end - 1] >= 1) values[--end] = NaN;
    if (end > inside) quantiles(probabilities.subarray(inside, end), values.subarray(inside, end), end - inside);
    return values;
  };
  const fitValues = at(FIT_POINTS);
  const checkValues = at(CHECK_POINTS);
  const [w0, w1, w2, w3] = FIT_WEIGHTS;
  const checks = CHECK_POINTS.length;
  const result = new Float64Array(count * 4);
  for (let piece = 0; piece < count; piece++) {
    const f = piece * 4;
    const y0 = fitValues[f];
    const y1 = fitValues[f + 1];
    const y2 = fitValues[f + 2];
    const y3 = fitValues[f + 3];
    const c0 = w0[0] * y0 + w0[1] * y1 + w0[2] * y2 + w0[3] * y3;
    const c1 = w1[0] * y0 + w1[1] * y1 + w1[2] * y2 + w1[3] * y3;
    const c2 = w2[0] * y0 + w2[1] * y1 + w2[2] * y2 + w2[3] * y3;
    const c3 = w3[0] * y0 + w3[1] * y1 + w3[2] * y2 + w3[3] * y3;
    let fits = Number.isFinite(interquartile);
    for (let i = 0; fits && i < checks; i++) {
      const x = CHECK_POINTS[i];
      const target = checkValues[piece * checks + i];
      const value = c0 + x * (c1 + x * (c2 + x * c3));
      fits = Number.isFinite(target) && Math.abs(value - target) <= STRATUM_TABLE_MAX_ERROR * (Math.abs(target) + interquartile);
    }
    result[f] = fits ? c0 : NaN;
    result[f + 1] = fits ? c1 : NaN;
    result[f + 2] = fits ? c2 : NaN;
    result[f + 3] = fits ? c3 : NaN;
  }
  return result;
}

/** Probabilities (k + (start + point)/pieces)/n of the given strata's pieces, point by point. */
function pieceProbabilities(n: number, strata: number[], pieces: number, points: number[]): Float64Array {
  const probabilities = new Float64Array(strata.length * pieces * points.length);
  let index = 0;
  for (const k of strata) {
    for (let start = 0; start < pieces; start++) {
      for (const point of points) probabilities[index++] = (k + (start + point) / pieces) / n;
    }
  }
  return probabilities;
}

/** Every input's table reads the same whole-strata grids: computed once per stratum count and point set (read only). */
const wholeStrataGrids = new Map<string, Float64Array>();

function wholeStrataProbabilities(n: number, points: number[]): Float64Array {
  const key = `${n}:${points.join(',')}`;
  let grid = wholeStrataGrids.get(key);
  if (!grid) {
    grid = pieceProbabilities(
      n,
      Array.from({ length: n }, (_, k) => k),
      1,
      points,
    );
    wholeStrataGrids.set(key, grid);
  }
  return grid;
}

/** Gauss–Jordan inverse of the Vandermonde matrix V[m][i] = x_m^i, transposed to weights[i][m]. */
function invertVandermonde(points: number[]): number[][] {
  const size = points.length;
  // Powers by multiplication, not Math.pow, whose last bit may differ between engines.
  const powers = (x: number): number[] => Array.from({ length: size }, (_, i) => Array.from({ length: i }).reduce<number>((product) => product * x, 1));
  const rows = points.map((x, m) => [...powers(x), ...Array.from({ length: size }, (_, i) => (i === m ? 1 : 0))]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let r = column + 1; r < size; r++) if (Math.abs(rows[r][column]) > Math.abs(rows[pivot][column])) pivot = r;
    [rows[column], rows[pivot]] = [rows[pivot], rows[column]];
    const scale = rows[column][column];
    for (let c = 0; c < 2 * size; c++) rows[column][c] /= scale;
    for (let r = 0; r < size; r++) {
      if (r === column) continue;
      const factor = rows[r][column];
      for (let c = 0; c < 2 * size; c++) rows[r][c] -= factor * rows[column][c];
    }
  }
  // rows now hold V⁻¹, whose row i maps the values at the points to coefficient c_i.
  return rows.map((row) => row.slice(size));
}
