import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { api, ApiError } from '../lib/api.ts';
import type { CaseResource, DiffChange, Problem } from '../lib/api-types.ts';
import { jsonDiff } from '../lib/json-diff.ts';
import { createCaseDraft, type CaseDraft } from './case-draft.ts';
import { createLivePreview, type LivePreview } from './live-preview.ts';

/** Where the draft stands against the server. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'conflict' | 'error';

/** Another tab or person saved first: their version and how it differs from ours. */
export interface SaveConflict {
  theirs: CaseResource;
  /** Changes from their version to our draft: what keeping ours would overwrite. */
  changes: DiffChange[];
}

export interface CaseSession {
  id: string;
  resource: Accessor<CaseResource>;
  etag: Accessor<string>;
  draft: CaseDraft;
  preview: LivePreview;
  saveState: Accessor<SaveState>;
  saveProblem: Accessor<Problem | null>;
  conflict: Accessor<SaveConflict | null>;
  lastSavedAt: Accessor<Date | null>;
  /** Saves now (skips the autosave delay). */
  saveNow(message?: string): Promise<void>;
  /** Drops our edits and continues from their version. */
  takeTheirs(): void;
  /** Saves our draft as a new version on top of theirs, after the user has seen the diff. */
  keepMine(): Promise<void>;
  /** Reloads the case from the server when the draft has no unsaved edits. */
  refresh(): Promise<void>;
}

/** Autosave waits this long after the last edit, so a burst of typing is one version. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * The case being edited, bound to the server: autosaves each valid draft as a new version
 * with `If-Match`, and on 412 stops and shows the conflict; it never retries with the
 * newer tag on its own, so nothing is silently overwritten.
 *
 * @example
 * const session = createCaseSession(resource, etag);
 * session.draft.update('/name', 'New name'); // saved as a new version 1.5 s later
 */
export function createCaseSession(initial: CaseResource, initialEtag: string, options: { autosaveDelayMs?: number } = {}): CaseSession {
  const delay = options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS;
  const [resource, setResource] = createSignal(initial);
  const [etag, setEtag] = createSignal(initialEtag);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveProblem, setSaveProblem] = createSignal<Problem | null>(null);
  const [conflict, setConflict] = createSignal<SaveConflict | null>(null);
  const [lastSavedAt, setLastSavedAt] = createSignal<Date | null>(null);
  const draft = createCaseDraft(initial.document);
  const preview = createLivePreview(draft);

  let savedRevision = draft.revision();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;

  const dirty = (): boolean => draft.revision() !== savedRevision;

  const save = async (message?: string, ifMatch = etag()): Promise<void> => {
    if (conflict()) return;
    if (!draft.validation().ok) {
      setSaveState('invalid');
      return;
    }
    const revision = draft.revision();
    const document = draft.snapshot();
    setSaveState('saving');
    try {
      const outcome = await api.saveCase(initial.id, document, ifMatch, message);
      if (outcome.ok) {
        setResource(outcome.resource);
        setEtag(outcome.etag);
        savedRevision = revision;
        setSaveProblem(null);
        setLastSavedAt(new Date());
        setSaveState(dirty() ? 'pending' : 'saved');
        if (dirty()) schedule();
        return;
      }
      const theirs = outcome.conflict ?? (await api.getCase(initial.id)).resource;
      setConflict({ theirs, changes: jsonDiff(theirs.document, document) });
      setSaveProblem(outcome.problem);
      setSaveState('conflict');
    } catch (error) {
      setSaveProblem(error instanceof ApiError ? error.problem : { title: 'Could not reach the server', status: 0, detail: String(error) });
      setSaveState('error');
    }
  };

  const run = (message?: string, ifMatch?: string): Promise<void> => {
    clearTimeout(timer);
    const next = (saving ?? Promise.resolve()).then(() => save(message, ifMatch));
    saving = next.finally(() => {
      if (saving === next) saving = null;
    });
    return next;
  };

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  }

  createEffect(
    on(
      draft.revision,
      () => {
        if (!dirty() || conflict()) return;
        if (!draft.validation().ok) {
          clearTimeout(timer);
          setSaveState('invalid');
          return;
        }
        setSaveState('pending');
        schedule();
      },
      { defer: true },
    ),
  );

  // A tab closed with unsaved edits asks first.
  const beforeUnload = (event: BeforeUnloadEvent): void => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener('beforeunload', beforeUnload);
  });

  return {
    id: initial.id,
    resource,
    etag,
    draft,
    preview,
    saveState,
    saveProblem,
    conflict,
    lastSavedAt,
    saveNow: (message) => run(message),
    takeTheirs() {
      const current = conflict();
      if (!current) return;
      setConflict(null);
      setResource(current.theirs);
      setEtag(`"v${current.theirs.currentVersion}"`);
      draft.replace(current.theirs.document);
      savedRevision = draft.revision();
      setSaveProblem(null);
      setSaveState('saved');
    },
    async keepMine() {
      const current = conflict();
      if (!current) return;
      setConflict(null);
      await run(`kept my edits over version ${current.theirs.currentVersion}`, `"v${current.theirs.currentVersion}"`);
    },
    async refresh() {
      if (dirty()) return;
      const { resource: fresh, etag: freshEtag } = await api.getCase(initial.id);
      const previous = resource();
      setResource(fresh);
      setEtag(freshEtag);
      if (fresh.currentVersion !== previous.currentVersion || fresh.hash !== previous.hash) {
        draft.replace(fresh.document);
        savedRevision = draft.revision();
      }
    },
  };
}
