import type { CaseIssue } from '../../../models/case/case-error.ts';
import { fieldLabel } from './field-labels.ts';

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

/** The engine's terse messages, each with what to do about it. */
const ADVICE: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^is required \(number\)$/, () => 'is required: enter a number'],
  [/^is required \(array\)$/, () => 'is required: add at least one'],
  [/^is required \((string|object)\)$/, () => 'is required: fill it in'],
  [/^is required \((.+)\)$/, () => 'is required: fill it in'],
  [/^is required; one of (.+)$/, (m) => `is required: choose one of ${m[1]}`],
  [/^must not be empty$/, () => 'must not be empty: fill it in'],
  [/^needs at least (\d+) item\(s\)$/, (m) => `needs at least ${m[1]}: add ${m[1] === '1' ? 'one' : m[1]}`],
  [/^unknown field$/, () => 'is not part of the case format: remove it, or check its spelling'],
  [/^must be an? (number|string|array|object|boolean), got (.+)$/, (m) => `must be ${article(m[1])}, not ${m[2]}: correct it`],
];

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** A message that starts with a verb reads as a sentence after the label ("Horizon must be …"). */
const CONTINUES_LABEL = /^(is|are|must|needs|has|have|should|cannot|does)\b/;

/**
 * One issue as a sentence that names the field by its label and says what to do, with
 * the engine's hint when it has one. Without a label, the message alone (the field's
 * label is beside it).
 *
 * @example
 * issueText({ path: '/x', message: 'unknown name "a"', hint: 'ab' }) // 'unknown name "a" — did you mean "ab"?'
 * issueText({ path: '/horizonMonths', message: 'is required (number)' }, 'Horizon') // 'Horizon is required: enter a number'
 */
export function issueText(issue: CaseIssue, label?: string): string {
  let message = issue.message;
  for (const [pattern, advice] of ADVICE) {
    const match = message.match(pattern);
    if (match) {
      message = advice(match);
      break;
    }
  }
  const sentence = label ? (CONTINUES_LABEL.test(message) ? `${label} ${message}` : `${label}: ${message}`) : message;
  return issue.hint ? `${sentence} — did you mean "${issue.hint}"?` : sentence;
}

/**
 * An issue of a whole document in words: the field's label read from the document
 * ("Cost 'Integration build' › Amount"), the sentence, and the JSON pointer as a detail.
 *
 * @example
 * describeIssue(doc, { path: '/baseline/metrics', message: 'is required (array)' })
 * // { label: 'Baseline › Metrics', text: 'Baseline › Metrics is required: add at least one', pointer: '/baseline/metrics' }
 */
export function describeIssue(document: unknown, issue: CaseIssue): { label: string; text: string; pointer: string } {
  const label = fieldLabel(document, issue.path);
  return { label, text: issueText(issue, label), pointer: issue.path || '/' };
}
