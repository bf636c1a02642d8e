import { createEffect, createSignal, on, Show, type Component } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import { CdfChart } from '../charts/cdf-chart.tsx';
import { CostByCategoryChart } from '../charts/cost-by-category-chart.tsx';
import { FanChart } from '../charts/fan-chart.tsx';
import { HistogramChart } from '../charts/histogram-chart.tsx';
import { PaybackChart } from '../charts/payback-chart.tsx';
import { CostTable } from '../components/cost-table.tsx';
import { ExportMenu } from '../components/export-menu.tsx';
import { ImportWorkbook } from '../components/import-workbook.tsx';
import { KeyFigures } from '../components/key-figures.tsx';
import { PilotVsProductionView } from '../components/pilot-vs-production.tsx';
import { RunPanel } from '../components/run-panel.tsx';
import type { CaseContext } from '../stores/case-context.ts';

type Source = 'live' | 'server';

/**
 * Results of one simulation: the live browser preview of the draft, or a stored server
 * run. Every chart states its trials, seed and sampling, so any figure can be reproduced.
 */
export const ResultsPage: Component<{ context: CaseContext }> = (props) => {
  // Until the user picks, show the stored run of the current version when there is one.
  const [chosen, setSource] = createSignal<Source | null>(null);
  const format = () => props.context.session.draft.format();
  const preview = () => props.context.session.preview;
  const latest = () => props.context.runs.latest();
  const latestIsCurrent = () => latest()?.caseVersion === props.context.session.resource().currentVersion;
  const source = (): Source => chosen() ?? (latest() && latestIsCurrent() ? 'server' : 'live');

  // When a server run started here finishes, show it.
  createEffect(
    on(
      () => (props.context.runs.progress()?.status === 'succeeded' ? latest()?.id : undefined),
      (id) => {
        if (id) setSource('server');
      },
      { defer: true },
    ),
  );

  /** The run's number among the case's runs, oldest first (#1 is the first run). */
  const runNumber = (): number | null => {
    const run = latest();
    if (!run) return null;
    const runs = props.context.runs.runs();
    const index = runs.findIndex((candidate) => candidate.id === run.id);
    return index < 0 ? null : runs.length - index;
  };
  const runName = (): string => {
    const run = latest();
    if (!run) return 'Stored run (none yet)';
    return `${runNumber() ? `Run #${runNumber()}` : `Run ${run.id.slice(0, 8)}`} of version ${run.caseVersion}`;
  };
  const summary = (): RunSummary | null => (source() === 'server' ? (latest()?.summary ?? null) : (preview().result()?.summary ?? null));
  const describe = (): string => {
    if (source() === 'server') {
      const run = latest();
      if (!run) return 'No stored run yet';
      const precision = run.summary?.precision;
      const reached = precision
        ? ` · mean ${precision.outputId === 'npv' ? 'NPV' : precision.outputId} ±${format().percent(precision.relativeHalfWidth, 2)} (95 % CI), target ±${format().percent(precision.target, 1)}${precision.met ? '' : ' not met within the trials allowed'}`
        : '';
      const stale = latestIsCurrent()
        ? ''
        : ` · the case has changed since (now version ${props.context.session.resource().currentVersion}): run it again for current figures`;
      return `Showing ${runName().replace(/^R/, 'r')} (stored on the server, ${run.id.slice(0, 8)}): ${format().count(run.trials)} trials, seed ${run.seed}, ${run.sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}, engine ${run.engineVersion}${reached}${stale}`;
    }
    const result = preview().result();
    return result
      ? `Showing the live preview of the draft, simulated in your browser and not saved as a run: ${format().count(result.settings.trials)} trials, seed ${result.settings.seed}, ${result.settings.sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}`
      : 'Simulating the draft in your browser…';
  };
  const moneyAxis = () => `NPV (${format().currency}) →`;

  return (
    <div class="page results-page">
      <div class="page-toolbar">
        <div class="segmented" role="radiogroup" aria-label="Which results to show">
          <label class="segment" classList={{ selected: source() === 'live' }}>
            <input type="radio" name="results-source" checked={source() === 'live'} onChange={() => setSource('live')} />
            Live draft preview (not saved as a run)
          </label>
          <label class="segment" classList={{ selected: source() === 'server' }}>
            <input type="radio" name="results-source" checked={source() === 'server'} onChange={() => setSource('server')} disabled={!latest()} />
            {latest() ? `${runName()}, ${format().count(latest()!.trials)} trials, seed ${latest()!.seed}` : 'Stored run (none yet)'}
          </label>
        </div>
        <p class="source-note" data-testid="results-source">
          {describe()}
        </p>
      </div>
      <RunPanel context={props.context} format={format()} />
      <ExportMenu
        caseId={props.context.session.resource().id}
        runId={latest()?.status === 'succeeded' ? latest()!.id : undefined}
        version={props.context.session.resource().currentVersion}
      />
      <ImportWorkbook session={props.context.session} />
      <Show when={summary()} fallback={<p class="muted">No results yet. Fix the case's problems in the editor, or run on the server.</p>}>
        {(s) => (
          <>
            <KeyFigures summary={s()} format={format()} />
            <div class="chart-grid">
              <HistogramChart
                title="NPV distribution"
                testId="npv-histogram"
                histogram={s().outputs.npv.histogram}
                total={s().outputs.npv.finiteCount}
                xLabel={moneyAxis()}
                formatX={format().moneyCompact}
                signed
                caption={
                  <>
                    Mean {format().money(s().outputs.npv.mean)} (± {format().money(s().outputs.npv.standardError)}); P10{' '}
                    {format().money(s().outputs.npv.percentiles.p10)}, P90 {format().money(s().outputs.npv.percentiles.p90)}. Hatched bars lose money.
                  </>
                }
              />
              <CdfChart
                title="S-curve: probability that NPV is at most x"
                testId="npv-cdf"
                cdf={s().outputs.npv.cdf}
                probabilityPositive={s().outputs.npv.probabilityPositive.value}
                percentiles={s().outputs.npv.percentiles}
                xLabel={moneyAxis()}
                formatX={format().moneyCompact}
                formatPercent={(p) => format().percent(p)}
                caption={
                  <>
                    P(NPV &gt; 0) = {format().percent(s().outputs.npv.probabilityPositive.value)} ±{' '}
                    {format().percent(s().outputs.npv.probabilityPositive.standardError, 2)} (Monte Carlo standard error).
                  </>
                }
              />
              <FanChart
                title="Cumulative net cash flow by month (P10 / P50 / P90)"
                testId="cash-flow-fan"
                fan={s().cashFlowFan}
                formatMoney={format().money}
                formatMoneyCompact={format().moneyCompact}
                caption={
                  <>
                    Undiscounted, {format().currency}. At month {s().horizonMonths}: P10 {format().money(s().cashFlowFan.p10.at(-1))}, P50{' '}
                    {format().money(s().cashFlowFan.p50.at(-1))}, P90 {format().money(s().cashFlowFan.p90.at(-1))}. Based on{' '}
                    {format().count(s().cashFlowFan.basedOnTrials)} trials.
                  </>
                }
              />
              <Show when={s().outputs.discountedPaybackMonth}>
                {(payback) => <PaybackChart payback={payback()} horizonMonths={s().horizonMonths} format={format()} testId="payback-chart" />}
              </Show>
            </div>
            <section class="panel">
              <CostByCategoryChart summary={s()} format={format()} testId="cost-by-category" />
              <CostTable summary={s()} format={format()} />
            </section>
            <Show when={s().pilotVsProduction}>{(comparison) => <PilotVsProductionView comparison={comparison()} format={format()} />}</Show>
          </>
        )}
      </Show>
    </div>
  );
};
