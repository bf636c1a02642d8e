import { createSignal, For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { validateDraft } from '../../../models/compile/validate-draft.ts';
import { api, caseHref } from '../lib/api.ts';
import { describeIssue } from '../lib/case-issues.ts';
import { EXAMPLE_CASES, exampleTitle } from '../lib/example-cases.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * Creates a case from a shipped example or from a case file. The file is checked in the
 * browser with the engine's validation first, so problems show with their paths before
 * anything is sent.
 */
export const ImportCase: Component<{ onCreated?: (id: string) => void }> = (props) => {
  const [example, setExample] = createSignal(EXAMPLE_CASES[0]?.file ?? '');
  const [issues, setIssues] = createSignal<CaseIssue[]>([]);
  const [checked, setChecked] = createSignal<unknown>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const create = async (document: unknown): Promise<void> => {
    setIssues([]);
    setError(null);
    // Any draft that parses imports; what it still needs is its to-do list in the editor.
    const draft = validateDraft(document);
    setChecked(document);
    if (!draft.ok) return void setIssues(draft.issues);
    setBusy(true);
    try {
      const { resource } = await api.importCase(document);
      props.onCreated?.(resource.id);
      location.hash = caseHref(resource.id, 'edit');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const fromExample = async (): Promise<void> => {
    const chosen = EXAMPLE_CASES.find((candidate) => candidate.file === example());
    if (chosen) await create(structuredClone(await chosen.load()));
  };

  const fromFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      await create(JSON.parse(await file.text()));
    } catch (failure) {
      setError(failure instanceof SyntaxError ? new Error(`${file.name} is not valid JSON: ${failure.message}`) : failure);
    }
  };

  return (
    <section class="panel import-case" aria-labelledby="import-title">
      <h2 id="import-title">New case</h2>
      <div class="import-row">
        <div class="field">
          <label for="example-case">From an example</label>
          <select id="example-case" value={example()} onChange={(e) => setExample(e.currentTarget.value)}>
            <For each={EXAMPLE_CASES}>{(candidate) => <option value={candidate.file}>{exampleTitle(candidate.file)}</option>}</For>
          </select>
        </div>
        <button type="button" class="button-primary" disabled={busy()} onClick={() => void fromExample()}>
          New case from example
        </button>
        <span class="or">or</span>
        <div class="field">
          <label for="import-file">Import a case file (.json)</label>
          <input id="import-file" type="file" accept="application/json,.json" disabled={busy()} onChange={(e) => void fromFile(e.currentTarget.files?.[0])} />
        </div>
      </div>
      <Show when={issues().length}>
        <div class="notice notice-error" role="alert">
          <strong>
            The case has {issues().length} problem{issues().length === 1 ? '' : 's'}; nothing was imported.
          </strong>
          <ul class="issue-list">
            <For each={issues()}>
              {(issue) => {
                const described = describeIssue(checked(), issue);
                return (
                  <li>
                    {described.text}{' '}
                    <code class="issue-pointer" title="Where in the JSON file">
                      {described.pointer}
                    </code>
                  </li>
                );
              }}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </section>
  );
};
