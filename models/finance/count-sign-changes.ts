/**
 * Number of sign changes in a sequence, skipping zeros (as Descartes' rule of signs counts them).
 *
 * @example
 * countSignChanges([-1, 0, 5, -6]); // 2
 */
export function countSignChanges(values: readonly number[]): number {
  let changes = 0;
  let previousSign = 0;
  for (const value of values) {
    const sign = Math.sign(value);
    if (sign === 0) continue;
    if (previousSign !== 0 && sign !== previousSign) changes++;
    previousSign = sign;
  }
  return changes;
}
