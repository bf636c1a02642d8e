import { formatTodoItem, type TodoItem } from '../../models/compile/case-todo.ts';
import type { ValidatedCase } from '../../models/compile/validate-case.ts';
import { validateDraft, type ValidatedDraft } from '../../models/compile/validate-draft.ts';
import { ApiError } from '../server/problem.ts';
import { requireCaseWithinSize } from '../services/case-size.ts';
import type { CaseRecord, StoredCase } from '../services/case-store.ts';

/**
 * A case document from a request as a draft: any document that parses saves (a name
 * is enough); a wrong type or unknown field is 422 naming the field; too large is 413.
 *
 * @example
 * const draft = requireDraft(await readJson(c));
 * await createCase(db, document, storedForm(draft), user);
 */
export function requireDraft(document: unknown): ValidatedDraft {
  requireCaseWithinSize(document);
  const result = validateDraft(document);
  if (!result.ok) {
    throw new ApiError(422, `the case document has ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`, result.issues);
  }
  return result;
}

/**
 * What to store and hash: the validated case (defaults applied) when complete, else the draft as parsed.
 *
 * @example
 * storedForm(requireDraft(document)).name
 */
export function storedForm(draft: ValidatedDraft): StoredCase {
  return draft.validated?.case ?? draft.draft;
}

/**
 * The fields a case resource adds to its record: warnings, the to-do list and whether it runs.
 *
 * @example
 * return c.json(withTodo(record, requireDraft(document)), 201);
 */
export function withTodo(record: CaseRecord, draft: ValidatedDraft) {
  return { ...record, warnings: draft.warnings, todo: draft.todo, complete: draft.complete };
}

/**
 * The same for a stored document, which may predate today's rules: one that no longer
 * parses is shown with its problems as run items rather than failing the read.
 *
 * @example
 * return c.json(storedWithTodo(record), 200);
 */
export function storedWithTodo(record: CaseRecord) {
  const result = validateDraft(record.document);
  if (result.ok) return withTodo(record, result);
  const todo: TodoItem[] = result.issues.map((issue) => ({ path: issue.path, field: issue.path || 'The case', message: issue.message, blocks: 'run' }));
  return { ...record, warnings: [], todo, complete: false };
}

/**
 * A stored case version that must be complete to be used (a run, a comparison): its
 * validated case, or 422 listing, in words, what is missing for a run. `what` names
 * the case in the message ("case B", "version 3").
 *
 * @example
 * const { model } = requireComplete(document, 'the case');
 */
export function requireComplete(document: unknown, what = 'the case'): ValidatedCase {
  const result = validateDraft(document);
  if (!result.ok) throw new ApiError(422, `${what} does not validate; fix it in the editor first`, result.issues);
  if (result.validated) return result.validated;
  const missing = result.todo.filter((item) => item.blocks === 'run');
  throw new ApiError(
    422,
    `${what} is a draft: ${missing.length} thing${missing.length === 1 ? '' : 's'} to do before it can run: ${missing.map(formatTodoItem).join('; ')}`,
    missing.map((item) => ({ path: item.path, message: `${item.field}: ${item.message}` })),
    { todo: missing },
  );
}
