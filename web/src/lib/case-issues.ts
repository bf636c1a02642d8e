import type { CaseIssue } from '../../../models/case/case-error.ts';

/** Validation issues indexed by JSON pointer, for inline errors next to their fields. */
export interface IssueIndex {
  all: CaseIssue[];
  /** Issues exactly at this pointer. */
  at(pointer: string): CaseIssue[];
  /** Issues at this pointer or anywhere below it (for section badges). */
  under(pointer: string): CaseIssue[];
}

export const EMPTY_ISSUES: IssueIndex = indexIssues([]);

/**
 * Indexes issues by path.
 *
 * @example
 * indexIssues(result.issues).at('/benefits/0/amount')
 */
export function indexIssues(issues: readonly CaseIssue[]): IssueIndex {
  const byPath = new Map<string, CaseIssue[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path) ?? [];
    list.push(issue);
    byPath.set(issue.path, list);
  }
  return {
    all: [...issues],
    at: (pointer) => byPath.get(pointer) ?? [],
    under: (pointer) => issues.filter((issue) => issue.path === pointer || issue.path.startsWith(pointer + '/')),
  };
}

/**
 * One issue as a sentence, with the engine's hint when it has one.
 *
 * @example
 * issueText({ path: '/x', message: 'unknown name "a"', hint: 'ab' }) // 'unknown name "a" — did you mean "ab"?'
 */
export function issueText(issue: CaseIssue): string {
  return issue.hint ? `${issue.message} — did you mean "${issue.hint}"?` : issue.message;
}
