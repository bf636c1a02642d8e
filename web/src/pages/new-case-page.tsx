import { createEffect, createSignal, For, Show, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { validateCase } from '../../../models/compile/validate-case.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { createGuidedState } from '../guided/guided-state.ts';
import { GuidedWizard } from '../guided/guided-wizard.tsx';
import { TemplateStart } from '../guided/template-start.tsx';
import { api, caseHref } from '../lib/api.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { issueText } from '../lib/case-issues.ts';
import { restoreAnswers } from '../lib/guided-answers.ts';
import { guidedCaseDocument } from '../lib/guided-case.ts';
import { navigate } from '../lib/router.ts';

/**
 * "New case": the guided start. It asks what the business case needs, in order, and
 * creates a complete case that simulates, then opens it in the editor.
 */
/** Where the answers wait in this tab, so a reload does not lose them. */
const SAVED_ANSWERS = 'valuegate.guided-start';

export const NewCasePage: Component = () => {
  const today = new Date().toISOString().slice(0, 10);
  const state = createGuidedState(today, restoreAnswers(sessionStorage.getItem(SAVED_ANSWERS), today) ?? undefined);
  createEffect(() => sessionStorage.setItem(SAVED_ANSWERS, JSON.stringify(state.answers)));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [issues, setIssues] = createSignal<CaseIssue[]>([]);
  const create = async (): Promise<void> => {
    setError(null);
    const document = guidedCaseDocument(state.answers);
    // The answers passed every step's check; the engine's own validation is the last word.
    const checked = validateCase(document);
    if (!checked.ok) return void setIssues(checked.issues);
    setBusy(true);
    try {
      const { resource } = await api.createCase(document);
      // The shared readiness checklist starts from the template version pinned at creation; the
      // case exists either way, and the checklist can still be started from the case.
      await governanceApi.startChecklist(resource.id).catch(() => undefined);
      sessionStorage.removeItem(SAVED_ANSWERS);
      navigate(caseHref(resource.id, 'edit').replace(/^#/, ''));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="page guided-page" tabindex="-1">
      <div class="page-heading">
        <p class="breadcrumb">
          <a href="#/">Portfolio</a> ›
        </p>
        <h1>New case</h1>
        <p class="muted">
          A few questions, in the order the business case needs them. Your answers stay in this tab until you create the case.{' '}
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              sessionStorage.removeItem(SAVED_ANSWERS);
              location.reload();
            }}
          >
            Start over
          </button>
        </p>
      </div>
      <GuidedWizard state={state} busy={busy()} onCreate={() => void create()} firstScreenAside={<TemplateStart />} />
      <Show when={issues().length}>
        <div class="notice notice-error" role="alert">
          <strong>The case could not be built from these answers:</strong>
          <ul>
            <For each={issues()}>{(issue) => <li>{issueText(issue)}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
    </main>
  );
};
