import { createMemo, Match, Show, Switch, type Component } from 'solid-js';
import { currentRoute } from './lib/router.ts';
import { me } from './stores/me-store.ts';
import { CASE_TABS, CaseWorkspace, type CaseTab } from './pages/case-workspace.tsx';
import { CalibrationPage } from './pages/calibration-page.tsx';
import { GovernancePage } from './pages/governance-page.tsx';
import { PortfolioRulesPage } from './pages/portfolio-rules-page.tsx';
import { NewCasePage } from './pages/new-case-page.tsx';
import { PortfolioPage } from './pages/portfolio-page.tsx';
import { RegistryPage } from './pages/registry-page.tsx';

/** The app shell: header, skip link, and the hash route's page. */
export const App: Component = () => {
  const caseRoute = () => {
    const [first, id, tab] = currentRoute().segments;
    if (first !== 'cases' || !id) return null;
    const known = CASE_TABS.some(([name]) => name === tab);
    return { id, tab: (known ? tab : 'edit') as CaseTab };
  };
  // Keyed on the id only: moving between a case's tabs keeps its editing session.
  const caseId = createMemo(() => caseRoute()?.id ?? null);
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an anchor; the hash router would treat #main as a route, so the click moves focus itself */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="app-header no-print">
        <a class="brand" href="#/">
          <svg viewBox="0 0 16 16" width="20" height="20" aria-hidden="true">
            <rect width="16" height="16" rx="3" fill="#1d3d63" />
            <path d="M4 11l3-4 2 2 3-5" stroke="white" stroke-width="1.6" fill="none" />
          </svg>
          valuegate
        </a>
        <span class="tagline">AI pilot → production business case</span>
        <nav class="app-nav" aria-label="Portfolio">
          <a href="#/" aria-current={currentRoute().segments.length === 0 ? 'page' : undefined}>
            Portfolio
          </a>
          <a href="#/calibration" aria-current={currentRoute().segments[0] === 'calibration' ? 'page' : undefined}>
            Calibration
          </a>
          <a href="#/rules" aria-current={currentRoute().segments[0] === 'rules' ? 'page' : undefined}>
            Rules
          </a>
          <a href="#/governance" aria-current={currentRoute().segments[0] === 'governance' ? 'page' : undefined}>
            Governance
          </a>
          <a href="#/registry" aria-current={currentRoute().segments[0] === 'registry' ? 'page' : undefined}>
            Registry
          </a>
        </nav>
        <span class="user">
          <Show when={me()} fallback="Not signed in">
            {(current) => (
              <>
                {current().name} · {current().mode === 'local' ? 'local mode, all roles' : current().role}
              </>
            )}
          </Show>
        </span>
      </header>
      <Switch>
        <Match when={currentRoute().segments[0] === 'new'}>
          <NewCasePage />
        </Match>
        <Match when={currentRoute().segments[0] === 'calibration'}>
          <CalibrationPage />
        </Match>
        <Match when={currentRoute().segments[0] === 'rules'}>
          <PortfolioRulesPage />
        </Match>
        <Match when={currentRoute().segments[0] === 'governance'}>
          <GovernancePage />
        </Match>
        <Match when={currentRoute().segments[0] === 'registry'}>
          <RegistryPage />
        </Match>
        <Match when={caseId()} keyed>
          {(id) => <CaseWorkspace caseId={id} tab={caseRoute()?.tab ?? 'edit'} />}
        </Match>
        <Match when={true}>
          <PortfolioPage />
        </Match>
      </Switch>
    </>
  );
};
