/**
 * Levenshtein distance between two short strings (case-insensitive).
 *
 * @example
 * editDistance('horizonMonth', 'horizonMonths') // 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * The candidate closest to `name`, if it is close enough to be a likely typo.
 *
 * @example
 * closestName('discountRate', ['discountRateAnnual', 'horizonMonths']) // 'discountRateAnnual'
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    const isPrefix = candidate.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(candidate.toLowerCase());
    const score = isPrefix ? Math.min(distance, 1) : distance;
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 4));
  return bestScore <= tolerance ? best : undefined;
}
