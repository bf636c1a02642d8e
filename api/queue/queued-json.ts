/**
 * JSON that keeps every number of an analysis result: Infinity, -Infinity, NaN and -0 travel
 * as `{ "$number": "…" }`, so a result computed on a worker equals the in-process one.
 *
 * @example
 * decodeQueued(encodeQueued({ payback: Infinity })) // { payback: Infinity }
 */
export function encodeQueued(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'number') return item;
    if (Number.isNaN(item)) return { $number: 'NaN' };
    if (item === Infinity || item === -Infinity) return { $number: String(item) };
    if (Object.is(item, -0)) return { $number: '-0' };
    return item;
  });
}

/** Reverses `encodeQueued`. */
export function decodeQueued(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      if (keys.length === 1 && keys[0] === '$number') return Number((item as { $number: string }).$number);
    }
    return item;
  });
}
