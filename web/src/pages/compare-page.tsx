import { createResource, createSignal, For, Show, type Component } from 'solid-js';
import type { CompareResult } from '../../../models/analysis/compare-cases.ts';
import type { OutputSummary } from '../../../models/engine/summarize-output.ts';
import { HistogramChart } from '../charts/histogram-chart.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { formatOutputValue, outputOptions, OutputPicker } from '../components/output-picker.tsx';
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
  const [output, setOutput] = createSignal('npv');
  // The outputs on offer: the latest stored run's, else the live preview's (both list every metric).
  const summary = () => props.context.runs.latest()?.summary ?? props.context.session.preview.result()?.summary ?? null;
  const shown = () => {
    const id = result()?.output ?? output();
    const option = outputOptions(summary(), format().currency).find((candidate) => candidate.id === id);
    return { id, label: option?.label ?? id, name: option?.label.replace(/ \([^)]*\)$/, '') ?? id, unit: option?.unit ?? 'currency' };
  };
  const horizon = () => props.context.session.draft.document.horizonMonths;
  // Trials that never pay back count as horizon + 1 month in a comparison.
  const value = (v: number, signed = false) =>
    !signed && lowerIsBetter() && v > horizon() ? `beyond ${horizon()} months` : formatOutputValue(format(), v, shown().unit, signed);
  const lowerIsBetter = () => shown().id === 'paybackMonth' || shown().id === 'discountedPaybackMonth';

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
          ? { a: { caseId: self().id }, b: { caseId: self().id, variant: id }, trials: trials(), output: output() }
          : { a: { caseId: self().id }, b: { caseId: id }, trials: trials(), output: output() };
      setResult(await api.compare(request));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const row = (label: string, pick: (s: OutputSummary, signed: boolean) => string) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{pick(result()!.a, false)}</td>
      <td class="num">{pick(result()!.b, false)}</td>
      <td class="num">{pick(result()!.difference, true)}</td>
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
              This case (version {self().currentVersion}): {self().name}
            </p>
          </div>
          {/* B and the output share the grid's second column, one above the other. */}
          <div style={{ display: 'grid', gap: '10px' }}>
            <div class="field">
              <label for="compare-target">B</label>
              <select id="compare-target" value={target()} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">Choose a variant of this case or another case…</option>
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
            <OutputPicker summary={summary()} currency={format().currency} value={output()} onChange={setOutput} label="Compare on" />
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
                <dt>P(A better than B){lowerIsBetter() ? ', paying back sooner' : ''}</dt>
                <dd>{format().percent(r().probabilityABetter.value)}</dd>
                <dd class="figure-detail">± {format().percent(r().probabilityABetter.standardError, 2)} MC error</dd>
              </div>
              <div class="figure">
                <dt>Mean difference A − B: {shown().label}</dt>
                <dd data-testid="compare-mean-difference">{value(r().difference.mean, true)}</dd>
                <dd class="figure-detail">
                  ± {value(r().standardErrorOfMeanDifference.commonRandomNumbers)} with common random numbers (independent runs: ±{' '}
                  {value(r().standardErrorOfMeanDifference.independentRuns)})
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
                title={`Distribution of the difference in ${shown().name}: A − B`}
                histogram={r().difference.histogram}
                total={r().difference.finiteCount}
                xLabel={`${shown().label} of A minus B →`}
                formatX={(v) => (shown().unit === 'currency' ? format().moneyCompact(v) : shown().unit === 'months' ? Number(v).toFixed(0) : value(v, true))}
                signed
                signedLabels={lowerIsBetter() ? ['A better', 'B better'] : ['B better', 'A better']}
              />
              <table class="data-table">
                <caption>
                  A: {self().name} · B: {bLabel()} ({shown().label})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{shown().name}</th>
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
                  {row('Mean', (s, d) => value(s.mean, d))}
                  {row('P10', (s, d) => value(s.percentiles.p10, d))}
                  {row('P50', (s, d) => value(s.percentiles.p50, d))}
                  {row('P90', (s, d) => value(s.percentiles.p90, d))}
                  <Show when={shown().unit !== 'months'}>{row('P(> 0)', (s) => format().percent(s.probabilityPositive.value))}</Show>
                </tbody>
              </table>
            </div>
            <Show when={lowerIsBetter()}>
              <p class="muted" data-testid="compare-payback-note">
                A trial that does not pay back within the {horizon()}-month horizon counts as {horizon() + 1} months in the means and differences, and shows as
                "beyond {horizon()} months".
              </p>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
};
