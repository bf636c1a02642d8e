/**
 * Merges settings over defaults, ignoring keys whose value is undefined (so an
 * option that was not given never erases its default).
 *
 * @example
 * withDefaults({ trials: 1000, seed: 1 }, { seed: undefined }) // { trials: 1000, seed: 1 }
 */
export function withDefaults<T extends object>(defaults: T, overrides: Partial<T> = {}): T {
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
