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
  /** A formula (the formula compiler's own limit reads this one). */
  formulaLength: 2_000,
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
 * documentBytes({ name: 'é' }) // 13
 */
export function documentBytes(document: unknown): number {
  return new TextEncoder().encode(JSON.stringify(document) ?? '').length;
}

/** One count over its limit: the field and the message the schema gives for it. */
export interface CountIssue {
  path: string;
  message: string;
}

const COUNTED: [field: string, limit: number, what: string][] = [
  ['inputs', CASE_LIMITS.inputs, 'inputs'],
  ['benefits', CASE_LIMITS.lines, 'benefit lines'],
  ['costs', CASE_LIMITS.lines, 'cost lines'],
  ['variables', CASE_LIMITS.variables, 'variables'],
  ['metrics', CASE_LIMITS.metrics, 'metrics'],
  ['variants', CASE_LIMITS.variants, 'variants'],
];

/**
 * The top-level counts over their limits, read from the raw document before any schema
 * work: a document with 10,000 inputs is refused in microseconds instead of after
 * parsing every input. The schema checks the same limits (and the nested ones) too.
 *
 * @example
 * caseCountIssues({ inputs: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`x${i}`, {}])) })
 * // [{ path: '/inputs', message: 'at most 500 inputs (the case limit), got 501' }]
 */
export function caseCountIssues(document: unknown): CountIssue[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [];
  const doc = document as Record<string, unknown>;
  const issues: CountIssue[] = [];
  for (const [field, limit, what] of COUNTED) {
    const value = Object.hasOwn(doc, field) ? doc[field] : undefined;
    const count = Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
    if (count > limit) issues.push({ path: `/${field}`, message: limitMessage(count, limit, what) });
  }
  return issues;
}
