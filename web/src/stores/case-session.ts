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
 * The case being edited, bound to the server: autosaves each draft that parses (complete
 * or not; the to-do list says what is missing) as a new version
 * with `If-Match`, and on 412 stops and shows the conflict; it never retries with the
 * newer tag on its own, so nothing is silently overwritten.
 *
 * @example
 * const session = createCaseSession(resource, etag);
 * session.draft.update('/name', 'New name'); // saved as a new version 1.5 s later
 */
export function createCaseSession(initial: CaseResource, initialEtag: string, options: { autosaveDelayMs?: number } = {}): CaseSession {
  const state = createSessionState(initial, initialEtag);
  const preview = createLivePreview(state.draft);
  const saver = createSaver(state, options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS);
  autosaveEdits(state, saver);

  return {
    id: initial.id,
    resource: state.resource,
    etag: state.etag,
    draft: state.draft,
    preview,
    saveState: state.saveState,
    saveProblem: state.saveProblem,
    conflict: state.conflict,
    lastSavedAt: state.lastSavedAt,
    saveNow: (message) => saver.run(message),
    takeTheirs: () => {
      // An autosave scheduled before the conflict must not save their version again as a new one.
      saver.cancel();
      takeTheirs(state);
    },
    async keepMine() {
      const current = state.conflict();
      if (!current) return;
      state.setConflict(null);
      await saver.run(`kept my edits over version ${current.theirs.currentVersion}`, `"v${current.theirs.currentVersion}"`);
    },
    refresh: () => refresh(state),
  };
}

/** The session's signals and draft, shared by the save loop and the conflict actions. */
function createSessionState(initial: CaseResource, initialEtag: string) {
  const [resource, setResource] = createSignal(initial);
  const [etag, setEtag] = createSignal(initialEtag);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveProblem, setSaveProblem] = createSignal<Problem | null>(null);
  const [conflict, setConflict] = createSignal<SaveConflict | null>(null);
  const [lastSavedAt, setLastSavedAt] = createSignal<Date | null>(null);
  const draft = createCaseDraft(initial.document);
  const state = {
    id: initial.id,
    draft,
    resource,
    setResource,
    etag,
    setEtag,
    saveState,
    setSaveState,
    saveProblem,
    setSaveProblem,
    conflict,
    setConflict,
    lastSavedAt,
    setLastSavedAt,
    /** The draft revision the server holds. */
    savedRevision: draft.revision(),
    dirty: (): boolean => draft.revision() !== state.savedRevision,
  };
  return state;
}

type SessionState = ReturnType<typeof createSessionState>;

/** The save loop: one save at a time, in order; `schedule` restarts the autosave delay. */
function createSaver(state: SessionState, delay: number) {
  const { draft, conflict, dirty, setSaveState, setSaveProblem } = state;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> | null = null;

  const save = async (message?: string, ifMatch = state.etag()): Promise<void> => {
    if (conflict()) return;
    if (!draft.validation().parses) {
      setSaveState('invalid');
      return;
    }
    const revision = draft.revision();
    const document = draft.snapshot();
    setSaveState('saving');
    try {
      const outcome = await api.saveCase(state.id, document, ifMatch, message);
      if (outcome.ok) {
        state.setResource(outcome.resource);
        state.setEtag(outcome.etag);
        state.savedRevision = revision;
        setSaveProblem(null);
        state.setLastSavedAt(new Date());
        setSaveState(dirty() ? 'pending' : 'saved');
        if (dirty()) schedule();
        return;
      }
      const theirs = outcome.conflict ?? (await api.getCase(state.id)).resource;
      state.setConflict({ theirs, changes: jsonDiff(theirs.document, document) });
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

  return { run, schedule, cancel: (): void => clearTimeout(timer) };
}

/** Each edit to a draft that parses (complete or not) schedules an autosave; a tab closed with unsaved edits asks first. */
function autosaveEdits(state: SessionState, saver: ReturnType<typeof createSaver>): void {
  const { draft, dirty, conflict } = state;
  createEffect(
    on(
      draft.revision,
      () => {
        if (!dirty() || conflict()) return;
        if (!draft.validation().parses) {
          saver.cancel();
          state.setSaveState('invalid');
          return;
        }
        state.setSaveState('pending');
        saver.schedule();
      },
      { defer: true },
    ),
  );

  const beforeUnload = (event: BeforeUnloadEvent): void => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => {
    saver.cancel();
    window.removeEventListener('beforeunload', beforeUnload);
  });
}

/**
 * Replaces the draft by a version the server holds, marked saved before the edit effect
 * sees the change (replace is one edit), so it is not autosaved again as a new version.
 */
function adoptServerDocument(state: SessionState, document: CaseResource['document']): void {
  state.savedRevision = state.draft.revision() + 1;
  state.draft.replace(document);
}

/** Drops our edits and continues from their version. */
function takeTheirs(state: SessionState): void {
  const current = state.conflict();
  if (!current) return;
  state.setConflict(null);
  state.setResource(current.theirs);
  state.setEtag(`"v${current.theirs.currentVersion}"`);
  adoptServerDocument(state, current.theirs.document);
  state.setSaveProblem(null);
  state.setSaveState('saved');
}

/** Reloads the case from the server when the draft has no unsaved edits. */
async function refresh(state: SessionState): Promise<void> {
  if (state.dirty()) return;
  const { resource: fresh, etag: freshEtag } = await api.getCase(state.id);
  const previous = state.resource();
  state.setResource(fresh);
  state.setEtag(freshEtag);
  if (fresh.currentVersion !== previous.currentVersion || fresh.hash !== previous.hash) {
    adoptServerDocument(state, fresh.document);
  }
}
