import { quantileSorted } from './quantile-sorted.ts';

/**
 * Several type-7 quantiles (see `quantileSorted`) of an unsorted column without a full
 * sort: the non-NaN values are copied once into a scratch Float64Array and the needed
 * order statistics are found by a multi-target Floyd–Rivest selection (O(n·log m) for m
 * probabilities). NaN values are ignored. The result matches `quantileSorted` on the
 * sorted non-NaN values exactly, in the order of `ps`; all NaN if no value is left.
 *
 * @example
 * quantiles(new Float64Array([4, NaN, 1, 3, 2]), [0.5, 0.9]); // Float64Array [2.5, 3.7]
 */
export function quantiles(values: Float64Array, ps: ArrayLike<number>): Float64Array {
  const m = ps.length;
  const result = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    const p = ps[q];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  }
  const len = values.length;
  let n = 0;
  for (let i = 0; i < len; i++) if (values[i] === values[i]) n++;
  if (n === 0) return result.fill(Number.NaN);
  const a = new Float64Array(n);
  if (n === len) a.set(values);
  else for (let i = 0, w = 0; i < len; i++) { const v = values[i]; if (v === v) a[w++] = v; }

  // Order statistics needed: j = floor((n-1)p) and j + 1 when interpolating.
  const needed: number[] = [];
  for (let q = 0; q < m; q++) {
    const h = (n - 1) * ps[q];
    const j = Math.floor(h);
    needed.push(j);
    if (j < n - 1 && h > j) needed.push(j + 1);
  }
  needed.sort((x, y) => x - y);
  const targets = new Uint32Array(needed.length);
  let t = 0;
  for (let i = 0; i < needed.length; i++) if (i === 0 || needed[i] !== needed[i - 1]) targets[t++] = needed[i];
  multiSelect(a, targets, 0, t - 1, 0, n - 1);

  // Every order statistic quantileSorted reads is now at its sorted position.
  for (let q = 0; q < m; q++) result[q] = quantileSorted(a, ps[q]);
  return result;
}

/** Places every k in targets[tLo..tHi] (ascending) at its sorted position within a[left..right]. */
function multiSelect(a: Float64Array, targets: Uint32Array, tLo: number, tHi: number, left: number, right: number): void {
  while (tLo <= tHi) {
    const mid = (tLo + tHi) >>> 1;
    const k = targets[mid];
    select(a, k, left, right);
    // a[left..k-1] <= a[k] <= a[k+1..right]: recurse on the smaller half, loop on the other.
    if (mid - tLo < tHi - mid) {
      multiSelect(a, targets, tLo, mid - 1, left, k - 1);
      tLo = mid + 1;
      left = k + 1;
    } else {
      multiSelect(a, targets, mid + 1, tHi, k + 1, right);
      tHi = mid - 1;
      right = k - 1;
    }
  }
}

/** Floyd–Rivest selection (as in Floyd & Rivest 1975, algorithm 489), in place. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const tmp = a[i];
  a[i] = a[j];
  a[j] = tmp;
}
