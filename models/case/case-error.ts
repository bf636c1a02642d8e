/** One problem in a case file: a JSON pointer to the field and what is wrong with it. */
export interface CaseIssue {
  /** JSON pointer, e.g. `/inputs/ticketsPerMonth/distribution/p95`. */
  path: string;
  message: string;
  /** A likely intended field or name, when the problem looks like a typo. */
  hint?: string;
}

/**
 * Thrown when a case is invalid. Carries every issue found, each naming its field.
 *
 * @example
 * try { parseCase(json) } catch (error) { if (error instanceof CaseError) console.log(error.issues) }
 */
export class CaseError extends Error {
  constructor(readonly issues: CaseIssue[]) {
    super(`invalid case: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n` + issues.map((issue) => `  ${formatCaseIssue(issue)}`).join('\n'));
    this.name = 'CaseError';
  }
}

/**
 * One issue as a single readable line.
 *
 * @example
 * formatCaseIssue({ path: '/horizonMonths', message: 'must be at most 240' }) // '/horizonMonths: must be at most 240'
 */
export function formatCaseIssue(issue: CaseIssue): string {
  return `${issue.path || '/'}: ${issue.message}${issue.hint ? ` (did you mean "${issue.hint}"?)` : ''}`;
}

/**
 * A JSON pointer (RFC 6901) from a path of keys and indices.
 *
 * @example
 * toJsonPointer(['inputs', 'a/b', 0]) // '/inputs/a~1b/0'
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
