import type { CaseIssue } from './case-error.ts';

/** The one key JSON.parse keeps as an own property but object schemas silently drop. */
const PROTOTYPE_KEY = '__proto__';

/**
 * Every `__proto__` key in a parsed JSON document, as an issue at its JSON pointer. JSON.parse
 * makes it an ordinary own property, but a schema that copies records drops it without a
 * word, so an input named `__proto__` would vanish from the case instead of being refused.
 * Iterative, so a deeply nested document cannot overflow the stack.
 *
 * @example
 * prototypeKeyIssues(JSON.parse('{"inputs":{"__proto__":{}}}'))[0].path // '/inputs/__proto__'
 */
export function prototypeKeyIssues(document: unknown): CaseIssue[] {
  const issues: CaseIssue[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: document, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const child = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === PROTOTYPE_KEY) issues.push({ path: child, message: '"__proto__" is not allowed as a name or field' });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: child });
    }
  }
  return issues;
}
