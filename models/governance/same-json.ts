/** JSON with object keys sorted, so two values compare equal whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Whether two JSON values are equal, ignoring key order (jsonb reorders keys) and treating
 * undefined as null.
 *
 * @example
 * sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }) // true
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}
