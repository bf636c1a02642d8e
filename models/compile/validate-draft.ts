import type { CaseIssue } from '../case/case-error.ts';
import { draftSchema, type CaseDraftDocument } from '../case/draft-schema.ts';
import { prototypeKeyIssues } from '../case/prototype-keys.ts';
import { toCaseIssues } from '../case/zod-issues.ts';
import { formulaSyntaxIssues } from './formula-syntax-issues.ts';
import { caseTodo, problemsBeyondMissing, type TodoItem } from './case-todo.ts';
import { validateCase, type ValidatedCase } from './validate-case.ts';

/** A draft that parses: what it still needs, advice, and the runnable case when complete. */
export interface ValidatedDraft {
  ok: true;
  draft: CaseDraftDocument;
  /** What is missing for a run or for the gate, in words. */
  todo: TodoItem[];
  /** Advice that blocks nothing (no unit, NaN in a month, a negative cost…); empty until the case is complete. */
  warnings: CaseIssue[];
  /** No 'run' item is left: the case simulates. */
  complete: boolean;
  /** The engine's validation problems that are not a missing field (for inline errors). */
  runIssues: CaseIssue[];
  /** The validated, compiled case when complete. */
  validated: ValidatedCase | null;
}

/**
 * Validates a case as a draft: it saves when it parses (`{"formatVersion": 1, "name": "…"}`
 * at minimum, every present part of the right type, every formula in the formula language); then says what is missing for a run
 * or the gate, and, once complete, gives the engine's compiled case and its warnings.
 *
 * @example
 * const result = validateDraft({ formatVersion: 1, name: 'Invoice matching' });
 * result.ok && result.complete // false
 * result.ok && result.todo.filter((item) => item.blocks === 'run').length // 9
 */
export function validateDraft(document: unknown): ValidatedDraft | { ok: false; issues: CaseIssue[] } {
  const prototypeKeys = prototypeKeyIssues(document);
  if (prototypeKeys.length) return { ok: false, issues: prototypeKeys };
  const parsed = draftSchema.safeParse(document);
  if (!parsed.success) return { ok: false, issues: toCaseIssues(parsed.error.issues, draftSchema, document) };
  // A formula outside the formula language does not parse: refused, like a wrong type.
  const syntax = formulaSyntaxIssues(document);
  if (syntax.length) return { ok: false, issues: syntax };
  const result = validateCase(document);
  const issues = result.ok ? [] : result.issues;
  const todo = caseTodo(document, issues);
  return {
    ok: true,
    draft: parsed.data,
    todo,
    warnings: result.ok ? result.warnings : [],
    complete: result.ok,
    runIssues: problemsBeyondMissing(document, issues),
    validated: result.ok ? result : null,
  };
}
