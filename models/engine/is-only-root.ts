import * as dm from '../math/deterministic-math.ts';

/**
 * Whether t is a root of g(t) = Σ flow_(first+k)·e^(−k·t), and the only real one, by the rule of
 * signs applied on each side of it. With d_k the flows discounted at t (Σ d_k = 0), the
 * roots beyond t are those of Σ A_j z^j in z ∈ (0, 1), A_j = d_0 + … + d_j for j < n,
 * and the roots below t those of the reversed series with B_j = d_j + … + d_n, j ≥ 1.
 * When neither sequence changes sign, neither polynomial has a positive root
 * (Descartes), so t is the only one. Otherwise another root may exist and the caller
 * reports none rather than an arbitrary one.
 *
 * @example
 * isOnlyRoot(new Float64Array([-1000, 100, 1200]), 0, 2, Math.log(1.1466)) // true
 */
export function isOnlyRoot(flows: Float64Array, first: number, last: number, t: number): boolean {
  const x = dm.exp(-t);
  let power = 1;
  let forward = 0;
  let forwardSign = 0;
  let magnitude = 0;
  for (let m = first; m < last; m++) {
    const discounted = flows[m] * power;
    forward += discounted;
    magnitude += Math.abs(discounted);
    power *= x;
    const sign = forward > 0 ? 1 : forward < 0 ? -1 : 0;
    if (sign !== 0 && forwardSign !== 0 && sign !== forwardSign) return false;
    if (sign !== 0) forwardSign = sign;
  }
  // The argument rests on Σ d_k = 0: make sure t is a root, not just where an iteration stopped.
  const lastDiscounted = flows[last] * power;
  if (Math.abs(forward + lastDiscounted) > 1e-9 * (magnitude + Math.abs(lastDiscounted))) return false;
  let backward = 0;
  let backwardSign = 0;
  for (let m = last; m > first; m--) {
    backward += flows[m] * power;
    power /= x;
    const sign = backward > 0 ? 1 : backward < 0 ? -1 : 0;
    if (sign !== 0 && backwardSign !== 0 && sign !== backwardSign) return false;
    if (sign !== 0) backwardSign = sign;
  }
  return true;
}
