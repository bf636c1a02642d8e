/**
 * JSON has no Infinity or NaN. Every valuegate JSON output (CLI --json, API bodies,
 * stored summaries) writes them as the strings "Infinity", "-Infinity" and "NaN",
 * so a reader can tell "not within horizon" (Infinity) from "undefined" (NaN).
 *
 * @example
 * JSON.stringify({ payback: Infinity }, nonFiniteAsString) // '{"payback":"Infinity"}'
 */
export function nonFiniteAsString(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  return value;
}
