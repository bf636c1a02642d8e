import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import type { BusinessCase } from '../../../models/case/case-schema.ts';
import type { TodoItem } from '../../../models/compile/case-todo.ts';
import { validateDraft } from '../../../models/compile/validate-draft.ts';
import type { CaseDocument } from '../lib/api-types.ts';
import { indexIssues, type IssueIndex } from '../lib/case-issues.ts';
import { getAt, setAtMutable } from '../lib/json-pointer.ts';
import { caseFormat, type CaseFormat } from '../lib/format.ts';

/** The outcome of validating the draft with the engine's own `validateDraft`. */
export interface DraftValidation {
  /** Complete and valid: the case runs (the live preview simulates it). */
  ok: boolean;
  /** The draft parses, so it can be saved, complete or not. */
  parses: boolean;
  /** Errors to fix at their fields: a wrong type, or a problem beyond a missing field (a bad formula). */
  issues: IssueIndex;
  warnings: CaseIssue[];
  /** What is missing for a run or the gate, in words (empty when the draft does not parse). */
  todo: TodoItem[];
  /** The validated case with defaults applied, when valid. */
  validCase: BusinessCase | null;
}

/**
 * A case document being edited: the document, every edit through `update` (so each edit
 * is counted and timed), and the engine's validation of the result as a draft: errors
 * indexed by JSON pointer for inline display, and the to-do list of what is missing. Independent of the server, so components can be tested alone.
 */
export interface CaseDraft {
  document: CaseDocument;
  /** Increments on every edit; effects that need "the document changed" read this. */
  revision: Accessor<number>;
  /** performance.now() of the latest edit, to time the live preview against. */
  editedAt: Accessor<number>;
  validation: Accessor<DraftValidation>;
  format: Accessor<CaseFormat>;
  /** Sets (undefined deletes) the value at a JSON pointer. */
  update(pointer: string, value: unknown): void;
  /** Applies several changes as one edit. */
  mutate(change: (document: CaseDocument) => void): void;
  /** Replaces the whole document (load, conflict resolution). */
  replace(document: CaseDocument): void;
  get(pointer: string): unknown;
  /** A plain deep copy of the current document. */
  snapshot(): CaseDocument;
}

/**
 * Creates a draft around a document.
 *
 * @example
 * const draft = createCaseDraft(fixture);
 * draft.update('/inputs/seats/distribution/value', 420);
 * draft.validation().ok
 */
export function createCaseDraft(initial: CaseDocument): CaseDraft {
  const [document, setDocument] = createStore<CaseDocument>(structuredClone(initial));
  const [revision, setRevision] = createSignal(0);
  const [editedAt, setEditedAt] = createSignal(0);

  const touch = (): void => {
    setEditedAt(performance.now());
    setRevision((r) => r + 1);
  };

  const snapshot = (): CaseDocument => structuredClone(unwrap(document)) as CaseDocument;

  const validation = createMemo<DraftValidation>(() => {
    revision();
    const result = validateDraft(unwrap(document));
    if (!result.ok) return { ok: false, parses: false, issues: indexIssues(result.issues), warnings: [], todo: [], validCase: null };
    const validCase = result.validated?.case ?? null;
    return { ok: validCase !== null, parses: true, issues: indexIssues(result.runIssues), warnings: result.warnings, todo: result.todo, validCase };
  });

  const format = createMemo(() => caseFormat(document.currency, document.locale));

  return {
    document,
    revision,
    editedAt,
    validation,
    format,
    update(pointer, value) {
      batch(() => {
        setDocument(produce((doc) => setAtMutable(doc as unknown as Record<string, unknown>, pointer, value)));
        touch();
      });
    },
    mutate(change) {
      batch(() => {
        setDocument(produce((doc) => change(doc)));
        touch();
      });
    },
    replace(next) {
      batch(() => {
        setDocument(reconcile(structuredClone(next)));
        touch();
      });
    },
    get: (pointer) => getAt(document, pointer),
    snapshot,
  };
}
