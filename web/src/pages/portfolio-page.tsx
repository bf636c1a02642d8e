import { createMemo, createResource, createSignal, For, Show, Suspense, type Component } from 'solid-js';
import { PortfolioFanChart } from '../charts/portfolio-fan-chart.tsx';
import { BoardQuestionCards } from '../components/board-questions.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ImportCase } from '../components/import-case.tsx';
import { driftingFirst, LifecycleFilter } from '../components/lifecycle-filter.tsx';
import { PortfolioRow } from '../components/portfolio-row.tsx';
import { api, caseHref } from '../lib/api.ts';
import type { Portfolio, PortfolioTotal } from '../lib/api-types.ts';
import { caseFormat } from '../lib/format.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { namesakesOf } from '../lib/namesakes.ts';

const DECISIONS = [
  ['', 'Any decision'],
  ['scale', 'Scale'],
  ['redesign', 'Redesign'],
  ['stop', 'Stop'],
  ['keepAsResearch', 'Keep as research'],
  ['none', 'No decision yet'],
] as const;

const GATE_STATUSES = [
  ['', 'Any gate status'],
  ['met', 'Met'],
  ['partly', 'Partly met'],
  ['notMet', 'Not met'],
  ['notStarted', 'Not started'],
] as const;

/**
 * The board's view of every case: the board's four questions (each opening its cases), headline counts, filters, one row per case with its
 * owner, recommendation and decision, gate status, P(NPV > 0), median NPV and full cost,
 * days since the last decision, and the portfolio's value fan.
 */
export const PortfolioPage: Component = () => {
  const [q, setQ] = createSignal('');
  const [owner, setOwner] = createSignal('');
  const [decision, setDecision] = createSignal('');
  const [gateStatus, setGateStatus] = createSignal('');
  const [includeArchived, setIncludeArchived] = createSignal(false);
  const [stage, setStage] = createSignal('');
  const [driftingOnly, setDriftingOnly] = createSignal(false);
  const [driftDays, setDriftDays] = createSignal(90);
  const query = createMemo(() => ({
    q: q(),
    owner: owner(),
    decision: decision(),
    gateStatus: gateStatus(),
    stage: stage(),
    drifting: driftingOnly() || undefined,
    includeArchived: includeArchived(),
    limit: 200,
  }));
  const [cases] = createResource(query, (params) => governanceApi.listCases(params));
  const [allCases] = createResource(() => api.listCases({ limit: 200 }));
  const [portfolio] = createResource(driftDays, (days) => api.portfolio(days));
  const owners = () => [...new Set((allCases()?.items ?? []).map((item) => item.businessOwner).filter((name): name is string => Boolean(name)))].sort();
  const formatFor = (currency: string) => caseFormat(currency, allCases()?.items.find((item) => item.currency === currency)?.locale);
  // Totals per currency from the server; the contract's single total is shown in the first case's currency.
  const totals = (p: Portfolio): PortfolioTotal[] => p.totals;

  return (
    <main id="main" class="page portfolio-page" tabindex="-1">
      <div class="page-heading">
        <h1>Portfolio</h1>
        <p class="muted">Every AI case, the gate's recommendation and the decision taken.</p>
        <p class="button-row">
          <a class="button-primary" href="#/new" data-testid="new-case">
            New case
          </a>
          <a class="button-secondary" href="#/new?template">
            Start from a template
          </a>
        </p>
      </div>
      <Suspense fallback={<p class="muted">Loading the portfolio…</p>}>
        <Show when={portfolio.error}>
          <ErrorNotice error={portfolio.error} />
        </Show>
        <Show when={portfolio()}>{(p) => <BoardQuestionCards portfolio={p()} />}</Show>
        <Show when={portfolio()}>
          {(p) => (
            <section class="headline-counts" aria-label="Headline counts" data-testid="headline-counts">
              <div class="count-card">
                <span class="count">{p().cases}</span>
                <span class="count-label">cases</span>
              </div>
              <div class="count-card">
                <span class="count" data-testid="count-passed">
                  {p().passedGates ?? p().byGateStatus.met ?? 0}
                </span>
                <span class="count-label">passed all readiness gates</span>
                <span class="count-detail">{p().byRecommendation.scale ?? 0} recommended to scale</span>
              </div>
              <div class="count-card">
                <span class="count" data-testid="count-stopped">
                  {p().byDecision.stop ?? 0}
                </span>
                <span class="count-label">stopped</span>
                <Show when={p().stopped.length}>
                  <ul class="count-list">
                    <For each={p().stopped.slice(0, 3)}>
                      {(item) => (
                        <li>
                          <a href={caseHref(item.id, 'gate')}>{item.name}</a>: {item.rationale}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
              <div class="count-card">
                <span class="count" data-testid="count-measured">
                  {p().withMeasuredValue}
                </span>
                <span class="count-label">with post-launch value measured</span>
              </div>
              <div class="count-card" classList={{ 'count-alert': p().drifting.length > 0 }}>
                <span class="count" data-testid="count-drifting">
                  {p().drifting.length}
                </span>
                <span class="count-label">
                  drifting: no decision for more than{' '}
                  <select aria-label="Drift threshold in days" value={String(driftDays())} onChange={(e) => setDriftDays(Number(e.currentTarget.value))}>
                    <option value="30">30</option>
                    <option value="60">60</option>
                    <option value="90">90</option>
                    <option value="180">180</option>
                  </select>{' '}
                  days
                </span>
                <Show when={p().drifting.length}>
                  <ul class="count-list">
                    <For each={p().drifting.slice(0, 3)}>
                      {(item) => (
                        <li>
                          <a href={caseHref(item.id, 'gate')}>{item.name}</a> ({item.daysSinceLastDecision} days)
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
              <div class="count-card">
                <span class="count-label">expected NPV against full cost (cases with a run)</span>
                <For each={totals(p())}>
                  {(total) => (
                    <Show
                      when={total.casesWithRuns > 0}
                      fallback={
                        <span class="count-detail">
                          {total.currency}: no stored run yet ({total.cases} case{total.cases === 1 ? '' : 's'})
                        </span>
                      }
                    >
                      <span class="count-money">
                        <strong>{formatFor(total.currency).moneyCompact(total.expectedValue)}</strong> NPV ·{' '}
                        {formatFor(total.currency).moneyCompact(total.fullCost)} cost{' '}
                        <span class="count-detail">
                          ({total.casesWithRuns} of {total.cases} in {total.currency})
                        </span>
                      </span>
                    </Show>
                  )}
                </For>
              </div>
            </section>
          )}
        </Show>

        <ImportCase />

        <section class="panel" aria-labelledby="cases-title">
          <h2 id="cases-title">Cases</h2>
          {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in Solid's JSX types; the role gives the same landmark */}
          <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
            <div class="field">
              <label for="filter-q">Search</label>
              <input id="filter-q" type="search" value={q()} onInput={(e) => setQ(e.currentTarget.value)} placeholder="Name or description" />
            </div>
            <div class="field">
              <label for="filter-owner">Owner</label>
              <select id="filter-owner" value={owner()} onChange={(e) => setOwner(e.currentTarget.value)}>
                <option value="">Any owner</option>
                <For each={owners()}>{(name) => <option value={name}>{name}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="filter-decision">Decision</label>
              <select id="filter-decision" value={decision()} onChange={(e) => setDecision(e.currentTarget.value)}>
                <For each={DECISIONS}>{([value, label]) => <option value={value}>{label}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="filter-gate">Gate status</label>
              <select id="filter-gate" value={gateStatus()} onChange={(e) => setGateStatus(e.currentTarget.value)}>
                <For each={GATE_STATUSES}>{([value, label]) => <option value={value}>{label}</option>}</For>
              </select>
            </div>
            <LifecycleFilter stage={stage()} drifting={driftingOnly()} byStage={portfolio()?.byStage} onStage={setStage} onDrifting={setDriftingOnly} />
            <label class="checkbox">
              <input type="checkbox" checked={includeArchived()} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
              Include archived
            </label>
          </form>
          <Show when={cases.error}>
            <ErrorNotice error={cases.error} />
          </Show>
          <div class="table-scroll">
            <table class="data-table portfolio-table" data-testid="portfolio-table">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Business owner</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Recommended</th>
                  <th scope="col">Decision taken</th>
                  <th scope="col">Readiness gates</th>
                  <th scope="col" class="num">
                    P(NPV &gt; 0)
                  </th>
                  <th scope="col" class="num">
                    P50 NPV
                  </th>
                  <th scope="col" class="num">
                    Full cost (mean)
                  </th>
                  <th scope="col" class="num">
                    Days since last decision
                  </th>
                </tr>
              </thead>
              <tbody>
                <For
                  each={driftingFirst(cases()?.items ?? [])}
                  fallback={
                    <tr>
                      <td colspan="10" class="muted">
                        No case matches. Create one from an example below.
                      </td>
                    </tr>
                  }
                >
                  {(item) => <PortfolioRow item={item} driftDays={driftDays()} namesakes={namesakesOf(item, cases()?.items ?? [])} />}
                </For>
              </tbody>
            </table>
          </div>
        </section>

        <Show when={portfolio()}>
          {(p) => (
            <section class="panel">
              <h2>Portfolio value</h2>
              <PortfolioFanChart portfolio={p()} localeOf={(currency) => allCases()?.items.find((item) => item.currency === currency)?.locale} />
            </section>
          )}
        </Show>
      </Suspense>
    </main>
  );
};
