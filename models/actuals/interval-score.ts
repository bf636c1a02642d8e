/**
 * Interval score of a central (1 − α) prediction interval [lower, upper] at observation y
 * (Gneiting & Raftery 2007, §6.2): (upper − lower) + (2/α)·(lower − y)·1{y < lower} +
 * (2/α)·(y − upper)·1{y > upper}. Lower is better: it rewards narrow intervals and
 * penalises a miss by 2/α per unit of distance. For the P5–P95 interval α = 0.1, so a miss
 * costs 20 per unit. Throws a RangeError for α outside (0, 1) or lower > upper.
 *
 * @example
 * intervalScore(10, 20, 0.1, 15); // 10 (inside: the width)
 * intervalScore(10, 20, 0.1, 8); // 50 = 10 + 20·2
 * intervalScore(10, 20, 0.1, 21); // 30 = 10 + 20·1
 */
export function intervalScore(lower: number, upper: number, alpha: number, y: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`intervalScore: alpha must be between 0 and 1, got ${alpha}`);
  if (!(lower <= upper)) throw new RangeError(`intervalScore: lower (${lower}) must not exceed upper (${upper})`);
  let score = upper - lower;
  if (y < lower) score += (2 / alpha) * (lower - y);
  else if (y > upper) score += (2 / alpha) * (y - upper);
  return score;
}
