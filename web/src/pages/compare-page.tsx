import { createResource, createSignal, For, Show, type Component } from 'solid-js';
import type { CompareResult } from '../../../models/analysis/compare-cases.ts';
import type { OutputSummary } from '../../../models/engine/summarize-output.ts';
import { HistogramChart } from '../charts/histogram-chart.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { api } from '../lib/api.ts';
import type { CaseContext } from '../stores/case-context.ts';

/**
 * Compares this case (A) with another case or with one of its variants (B), on common
 * random numbers: the difference distribution and P(A better).
 */
export const ComparePage: Component<{ context: CaseContext }> = (props) => {
  const format = () => props.context.session.draft.format();
  const self = () => props.context.session.resource();
  const variants = () => Object.entries(props.context.session.draft.document.variants ?? {});
  const [others] = createResource(() => api.listCases({ limit: 200 }).then((page) => page.items.filter((item) => item.id !== self().id)));
  const [target, setTarget] = createSignal<string>(variants()[0] ? `variant:${variants()[0][0]}` : '');
  const [trials, setTrials] = createSignal(20_000);
  const [result, setResult] = createSignal<CompareResult | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const bLabel = (): string => {
    const [kind, id] = target().split(':');
    if (kind === 'variant') return `Variant: ${props.context.session.draft.document.variants?.[id]?.label ?? id}`;
    return others()?.find((item) => item.id === id)?.name ?? 'B';
  };

  const compare = async (): Promise<void> => {
    const [kind, id] = target().split(':');
    if (!id) return;
    setBusy(true);
    setError(null);
    try {
      if (props.context.session.saveState() === 'pending') await props.context.session.saveNow();
      const request =
        kind === 'variant'
          ? { a: { caseId: self().id }, b: { caseId: self().id, variant: id }, trials: trials() }
          : { a: { caseId: self().id }, b: { caseId: id }, trials: trials() };
      setResult(await api.compare(request));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const row = (label: string, pick: (s: OutputSummary) => string) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{pick(result()!.a)}</td>
      <td class="num">{pick(result()!.b)}</td>
      <td class="num">{pick(result()!.difference)}</td>
    </tr>
  );

  return (
    <div class="page compare-page">
      <h2 class="page-title">Compare</h2>
      <section class="panel">
        <div class="compare-form">
          <div class="field">
            <span class="field-label">A</span>
            <p class="static-value">
              This case, version {self().currentVersion}: {self().name}
            </p>
          </div>
          <div class="field">
            <label for="compare-target">B</label>
            <select id="compare-target" value={target()} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">Choose a variant or a case…</option>
              <Show when={variants().length}>
                <optgroup label="Variants of this case">
                  <For each={variants()}>
                    {([id, variant]) => (
                      <option value={`variant:${id}`} selected={target() === `variant:${id}`}>
                        {variant.label}
                      </option>
                    )}
                  </For>
                </optgroup>
              </Show>
              <optgroup label="Other cases">
                <For each={others() ?? []}>{(item) => <option value={`case:${item.id}`}>{item.name}</option>}</For>
              </optgroup>
            </select>
          </div>
          <div class="field">
            <label for="compare-trials">Trials</label>
            <select id="compare-trials" value={String(trials())} onChange={(e) => setTrials(Number(e.currentTarget.value))}>
              <For each={[10_000, 20_000, 50_000]}>
                {(n) => (
                  <option value={n} selected={n === trials()}>
                    {format().count(n)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="button" class="button-primary" disabled={!target() || busy()} onClick={() => void compare()}>
            {busy() ? 'Comparing…' : 'Compare'}
          </button>
        </div>
        <Show when={target().startsWith('variant:')}>
          <p class="muted">{props.context.session.draft.document.variants?.[target().split(':')[1]]?.description}</p>
        </Show>
      </section>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={result()}>
        {(r) => (
          <>
            <dl class="key-figures" data-testid="compare-figures">
              <div class="figure figure-primary">
                <dt>P(A better than B)</dt>
                <dd>{format().percent(r().probabilityABetter.value)}</dd>
                <dd class="figure-detail">± {format().percent(r().probabilityABetter.standardError, 2)} MC error</dd>
              </div>
              <div class="figure">
                <dt>Mean difference A − B (NPV)</dt>
                <dd>{format().moneySigned(r().difference.mean)}</dd>
                <dd class="figure-detail">
                  ± {format().money(r().standardErrorOfMeanDifference.commonRandomNumbers)} with common random numbers (independent runs: ±{' '}
                  {format().money(r().standardErrorOfMeanDifference.independentRuns)})
                </dd>
              </div>
              <div class="figure">
                <dt>Shared inputs (same draws)</dt>
                <dd>{r().sharedInputs.length}</dd>
                <dd class="figure-detail">
                  {format().count(r().trials)} trials, seed {r().seed}
                </dd>
              </div>
            </dl>
            <div class="chart-grid">
              <HistogramChart
                title={`Distribution of the NPV difference: A − B`}
                histogram={r().difference.histogram}
                total={r().difference.finiteCount}
                xLabel={`NPV of A minus NPV of B (${format().currency}) →`}
                formatX={format().moneyCompact}
                signed
                signedLabels={['B better', 'A better']}
              />
              <table class="data-table">
                <caption>
                  A: {self().name} · B: {bLabel()} ({format().currency})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">NPV</th>
                    <th scope="col" class="num">
                      A
                    </th>
                    <th scope="col" class="num">
                      B
                    </th>
                    <th scope="col" class="num">
                      A − B
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {row('Mean', (s) => format().money(s.mean))}
                  {row('P10', (s) => format().money(s.percentiles.p10))}
                  {row('P50', (s) => format().money(s.percentiles.p50))}
                  {row('P90', (s) => format().money(s.percentiles.p90))}
                  {row('P(> 0)', (s) => format().percent(s.probabilityPositive.value))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </div>
  );
};
