import { createSignal, For, onMount, Show, type Component } from 'solid-js';
import { api, caseHref } from '../lib/api.ts';
import type { CaseDocument } from '../lib/api-types.ts';
import { EXAMPLE_CASES, exampleTitle } from '../lib/example-cases.ts';
import { currentRoute, navigate } from '../lib/router.ts';
import { ErrorNotice } from '../components/error-notice.tsx';

/**
 * "Start from a template": a copy of one of the shipped example cases, named as a copy,
 * opened in the editor. Importing a case file stays on the portfolio page.
 */
export const TemplateStart: Component = () => {
  const [file, setFile] = createSignal(EXAMPLE_CASES[0]?.file ?? '');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let select: HTMLSelectElement | undefined;
  // "Start from a template" on the portfolio page links here with ?template: go straight to the choice.
  onMount(() => {
    if (currentRoute().query.has('template')) select?.focus();
  });
  const copy = async (): Promise<void> => {
    const chosen = EXAMPLE_CASES.find((candidate) => candidate.file === file());
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const document = structuredClone(await chosen.load()) as CaseDocument;
      const { resource } = await api.createCase({ ...document, name: `Copy of ${document.name}` });
      navigate(caseHref(resource.id, 'edit').replace(/^#/, ''));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel guided-template" aria-labelledby="template-title" data-testid="template-start">
      <h3 id="template-title">Or start from a template</h3>
      <p class="muted">A copy of a complete example case, to adapt in the editor.</p>
      <div class="inline-form">
        <label for="template-case">Template</label>
        <select ref={select} id="template-case" value={file()} onChange={(e) => setFile(e.currentTarget.value)}>
          <For each={EXAMPLE_CASES}>{(candidate) => <option value={candidate.file}>{exampleTitle(candidate.file)}</option>}</For>
        </select>
        <button type="button" disabled={busy()} onClick={() => void copy()}>
          Create a copy
        </button>
      </div>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </section>
  );
};
