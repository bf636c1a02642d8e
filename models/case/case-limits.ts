/**
 * How large a case may be. One place for every limit: the schema check (422 naming the
 * limit), the API (413 for the document's bytes) and the README's "Limits" table read
 * these values. They are generous — the example cases have 30–37 inputs, 15–21 lines,
 * 3–5 variables and 36–60 months — and small enough that a simulation, an analysis or
 * the Excel export of the largest accepted case stays bounded in time and memory.
 *
 * @example
 * if (Object.keys(document.inputs).length > CASE_LIMITS.inputs) throw new Error('too many inputs');
 */
export const CASE_LIMITS = {
  /** The case document as UTF-8 JSON (413 above it). */
  documentBytes: 1_048_576,
  /** Uncertain inputs. */
  inputs: 500,
  /** Benefit lines, and separately cost lines. */
  lines: 500,
  /** Named intermediate formulas. */
  variables: 500,
  /** Custom metrics. */
  metrics: 100,
  /** Variants, and each variant's added lines. */
  variants: 50,
  /** The horizon in months. */
  months: 240,
  /** Inputs in the correlation matrix (a k×k matrix). */
  correlatedInputs: 100,
  /** Baseline metrics, expected changes, pilot costs. */
  listItems: 200,
  /** Any name (input, variable, line or metric id). */
  identifierLength: 100,
  /** A formula. */
  formulaLength: 10_000,
  /** Any free text (name, description, label, note, source). */
  textLength: 10_000,
} as const;

/** Which limit a count exceeds, in words, e.g. "at most 500 inputs (got 10000)". */
export function limitMessage(count: number, limit: number, what: string): string {
  return `at most ${limit.toLocaleString('en')} ${what} (the case limit), got ${count.toLocaleString('en')}`;
}

/**
 * The size of a case document as the API stores it: the UTF-8 bytes of its JSON.
 *
 * @example
 * documentBytes({ name: 'é' }) // 14
 */
export function documentBytes(document: unknown): number {
  return new TextEncoder().encode(JSON.stringify(document) ?? '').length;
}
