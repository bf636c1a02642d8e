import { createResource, ErrorBoundary, For, Match, Show, Suspense, Switch, type Component } from 'solid-js';
import { ConflictBanner } from '../components/conflict-banner.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { SaveStatus } from '../components/save-status.tsx';
import { SaveVersionDialog } from '../components/save-version-dialog.tsx';
import { api, caseHref } from '../lib/api.ts';
import type { CaseContext } from '../stores/case-context.ts';
import { createCaseSession } from '../stores/case-session.ts';
import { createRunsStore } from '../stores/runs-store.ts';
import { ActualsPage } from './actuals-page.tsx';
import { BoardPackPage } from './board-pack-page.tsx';
import { BusinessCasePage } from './business-case-page.tsx';
import { CaseEditorPage } from './case-editor-page.tsx';
import { ComparePage } from './compare-page.tsx';
import { GatePage } from './gate-page.tsx';
import { HistoryPage } from './history-page.tsx';
import { ResultsPage } from './results-page.tsx';
import { SensitivityPage } from './sensitivity-page.tsx';
import { ValueOfInformationPage } from './value-of-information-page.tsx';

export const CASE_TABS = [
  ['edit', 'Case editor'],
  ['results', 'Results'],
  ['sensitivity', 'Sensitivity'],
  ['voi', 'Value of information'],
  ['compare', 'Compare'],
  ['gate', 'Gate'],
  ['actuals', 'Actuals'],
  ['history', 'Version history'],
  ['board', 'Board pack'],
  ['business', 'Business case'],
] as const;

export type CaseTab = (typeof CASE_TABS)[number][0];

/**
 * One case, with its tabs. The session lives here, above the tabs, so switching from the
 * editor to Results keeps the draft and the live preview.
 */
export const CaseWorkspace: Component<{ caseId: string; tab: CaseTab }> = (props) => {
  const [loaded] = createResource(
    () => props.caseId,
    (id) => api.getCase(id),
  );
  return (
    <ErrorBoundary fallback={(error) => <ErrorNotice error={error} />}>
      <Suspense fallback={<p class="page-loading">Loading case…</p>}>
        <Show when={loaded()} keyed>
          {(tagged) => {
            const session = createCaseSession(tagged.resource, tagged.etag);
            const runs = createRunsStore(tagged.resource.id);
            const context: CaseContext = { session, runs };
            return (
              <div class="case-workspace" classList={{ 'print-only-board': props.tab === 'board' || props.tab === 'business' }}>
                <header class="case-header no-print">
                  <div class="case-title">
                    <a href="#/" class="breadcrumb">
                      Portfolio
                    </a>
                    <span aria-hidden="true"> / </span>
                    <h1>{session.draft.document.name}</h1>
                  </div>
                  <div class="case-meta">
                    <span>
                      Owner: <strong>{session.draft.document.ownership?.businessOwner || '— none named —'}</strong>
                    </span>
                    <span>Sponsor: {session.draft.document.ownership?.sponsor}</span>
                    <span>
                      {session.draft.document.currency} · {session.draft.format().locale}
                    </span>
                    <SaveStatus session={session} />
                    <SaveVersionDialog session={session} />
                  </div>
                  <nav class="case-tabs" aria-label="Case pages">
                    <For each={CASE_TABS}>
                      {([tab, label]) => (
                        <a
                          href={caseHref(tagged.resource.id, tab)}
                          aria-current={props.tab === tab ? 'page' : undefined}
                          classList={{ active: props.tab === tab }}
                        >
                          {label}
                        </a>
                      )}
                    </For>
                  </nav>
                </header>
                <ConflictBanner session={session} />
                <main id="main" class="case-main">
                  <ErrorBoundary fallback={(error, reset) => <ErrorNotice error={error} onRetry={reset} />}>
                    <Switch>
                      <Match when={props.tab === 'edit'}>
                        <CaseEditorPage session={session} />
                      </Match>
                      <Match when={props.tab === 'results'}>
                        <ResultsPage context={context} />
                      </Match>
                      <Match when={props.tab === 'sensitivity'}>
                        <SensitivityPage context={context} />
                      </Match>
                      <Match when={props.tab === 'voi'}>
                        <ValueOfInformationPage context={context} />
                      </Match>
                      <Match when={props.tab === 'compare'}>
                        <ComparePage context={context} />
                      </Match>
                      <Match when={props.tab === 'gate'}>
                        <GatePage context={context} />
                      </Match>
                      <Match when={props.tab === 'actuals'}>
                        <ActualsPage context={context} />
                      </Match>
                      <Match when={props.tab === 'history'}>
                        <HistoryPage context={context} />
                      </Match>
                      <Match when={props.tab === 'board'}>
                        <BoardPackPage context={context} />
                      </Match>
                      <Match when={props.tab === 'business'}>
                        <BusinessCasePage context={context} />
                      </Match>
                    </Switch>
                  </ErrorBoundary>
                </main>
              </div>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
};
