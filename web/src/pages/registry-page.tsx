import { createResource, createSignal, For, Show, Suspense, type Component } from 'solid-js';
import type { RegistryEntry } from '../../../models/contract/governance-resources.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { caseHref, download } from '../lib/api.ts';
import { caseFormat } from '../lib/format.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { CATEGORY_LABELS } from '../lib/governance-words.ts';
import '../styles/governance.css';

/** Today as YYYY-MM-DD in the reader's time zone: a review due today is not yet overdue. */
const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * The registry of what runs: every case decided scale and not retired, with its owner and
 * monitoring owner, risk tier and EU AI Act category, go-live and next review date (overdue
 * highlighted), links to the case and its decision, and a CSV download.
 */
export const RegistryPage: Component = () => {
  const [registry] = createResource(() => governanceApi.registry());
  // Tier labels from the organisation's settings; the id stands in when they cannot be read.
  const [settings] = createResource(() => governanceApi.settings().catch(() => null));
  const tierLabel = (id: string) => settings()?.tiers.find((tier) => tier.id === id)?.label ?? id;
  const [failure, setFailure] = createSignal<unknown>(null);
  const format = caseFormat(null);
  const overdue = (entry: RegistryEntry) => entry.nextReviewDate < today();
  const downloadCsv = async (): Promise<void> => {
    setFailure(null);
    try {
      await download(governanceApi.registryCsvUrl(), 'registry.csv');
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <main id="main" class="page registry-page" tabindex="-1">
      <div class="page-heading">
        <h1>Registry of production AI systems</h1>
        <p class="muted">Every case decided scale and not retired: who owns it, who monitors it, its risk and when it is next reviewed.</p>
        <p class="button-row">
          <button type="button" class="button-secondary" onClick={() => void downloadCsv()} data-testid="registry-csv">
            Download CSV
          </button>
        </p>
      </div>
      <Show when={failure()}>
        <ErrorNotice error={failure()} />
      </Show>
      <Suspense fallback={<p class="muted">Loading the registry…</p>}>
        <Show when={registry.error}>
          <ErrorNotice error={registry.error} />
        </Show>
        <Show when={registry()}>
          {(r) => (
            <section class="panel" aria-labelledby="registry-title">
              <h2 id="registry-title">
                {r().items.length} system{r().items.length === 1 ? '' : 's'} in production
                <Show when={r().items.filter(overdue).length}>
                  {(count) => (
                    <span class="badge badge-warning">
                      {' '}
                      {count()} review{count() === 1 ? '' : 's'} overdue
                    </span>
                  )}
                </Show>
              </h2>
              <div class="table-scroll">
                <table class="data-table registry-table" data-testid="registry-table">
                  <thead>
                    <tr>
                      <th scope="col">System (case)</th>
                      <th scope="col">Business owner</th>
                      <th scope="col">Monitoring owner</th>
                      <th scope="col">Risk tier</th>
                      <th scope="col">EU AI Act category</th>
                      <th scope="col">Go-live</th>
                      <th scope="col">Next review</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For
                      each={r().items}
                      fallback={
                        <tr>
                          <td colspan="8" class="muted">
                            Nothing runs in production yet: a case appears here once it is decided scale.
                          </td>
                        </tr>
                      }
                    >
                      {(entry) => (
                        <tr data-case-id={entry.caseId} classList={{ overdue: overdue(entry) }}>
                          <th scope="row">
                            <a href={caseHref(entry.caseId, 'edit')}>{entry.name}</a>
                          </th>
                          <td>{entry.businessOwner ?? <span class="status status-notMet">✗ not named</span>}</td>
                          <td>{entry.monitoringOwner ?? <span class="status status-notMet">✗ not named</span>}</td>
                          <td>{tierLabel(entry.riskTier)}</td>
                          <td>{CATEGORY_LABELS[entry.euAiActCategory]}</td>
                          <td>{format.date(entry.goLiveDate)}</td>
                          <td classList={{ 'cell-alert': overdue(entry) }} data-testid="next-review">
                            {format.date(entry.nextReviewDate)}
                            {overdue(entry) ? ' ⚠ overdue' : ''}
                            <span class="row-sub">every {entry.reviewEveryMonths === 1 ? 'month' : `${entry.reviewEveryMonths} months`}</span>
                          </td>
                          <td>
                            <a href={caseHref(entry.caseId, 'gate')} title={`Decision ${entry.decisionId}`}>
                              Scale decision
                            </a>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <p class="row-sub">As of {format.dateTime(r().generatedAt)}.</p>
            </section>
          )}
        </Show>
      </Suspense>
    </main>
  );
};
