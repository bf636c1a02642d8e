import { createMemo, createSignal, For, Show, type Component } from 'solid-js';
import { ActualsGrid } from '../actuals/actuals-grid.tsx';
import { ActualsHistory } from '../actuals/actuals-history.tsx';
import { createActualsStore } from '../actuals/actuals-store.ts';
import { CsvImport } from '../actuals/csv-import.tsx';
import { DurableList } from '../actuals/durable-list.tsx';
import { storedActuals } from '../actuals/grid-edits.ts';
import { RegatePanel } from '../actuals/regate-panel.tsx';
import { RunFirst } from '../actuals/run-first.tsx';
import { gridMonths, observableSeries } from '../actuals/series-catalog.ts';
import { seriesColumns } from '../actuals/series-columns.ts';
import { seriesValue } from '../actuals/regate-words.ts';
import { SeriesScore } from '../actuals/series-score.tsx';
import { UpdatedForecastPanel } from '../actuals/updated-forecast.tsx';
import { MAX_SERIES_TRIALS } from '../../../models/pipeline/capture-series.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import type { CaseContext } from '../stores/case-context.ts';

/**
 * Post-launch actuals: enter them by month (grid, CSV paste or upload), see each series
 * against its forecast, the forecast updated by them, whether to re-gate, and which KPIs
 * changed for good.
 */
export const ActualsPage: Component<{ context: CaseContext; today?: string }> = (props) => {
  const caseId = props.context.session.id;
  const actuals = createActualsStore(caseId, props.context.runs);
  const format = () => props.context.session.draft.format();
  const document = () => props.context.session.draft.document;
  const [runningLarger, setRunningLarger] = createSignal(false);

  const report = () => actuals.report()?.report ?? null;
  const noRun = () =>
    actuals.report()?.noRun === true || (!props.context.runs.loading() && !props.context.runs.runs().some((run) => run.status === 'succeeded') && !report());
  const columns = createMemo(() => seriesColumns(observableSeries(document()), report()));
  const stored = createMemo(() => storedActuals(actuals.history(), report()));
  const latestMonth = () =>
    [...stored().keys()]
      .map((key) => key.split('|')[0])
      .sort()
      .at(-1) ?? null;
  const monthsOptions = () => ({
    startDate: document().startDate,
    horizonMonths: document().horizonMonths,
    today: props.today ?? new Date().toISOString().slice(0, 10),
    latest: latestMonth(),
  });
  const months = createMemo(() => gridMonths(monthsOptions()));
  const labelOf = (id: string): string => columns().find((s) => s.id === id)?.label ?? id;
  const unitOf = (id: string): string => columns().find((s) => s.id === id)?.unit ?? '';
  const observed = () => (report()?.series ?? []).filter((s) => s.observations.length);
  const unobserved = () => (report()?.series ?? []).filter((s) => !s.observations.length);
  // The update reweights the run's leading MAX_SERIES_TRIALS trials: a run beyond that size does not raise the ESS.
  const largerTrials = () => {
    const run = props.context.runs.latest();
    return run && run.trials < MAX_SERIES_TRIALS ? MAX_SERIES_TRIALS : null;
  };

  const largerRun = async (): Promise<void> => {
    const run = props.context.runs.latest();
    setRunningLarger(true);
    try {
      await props.context.runs.start({ trials: largerTrials() ?? MAX_SERIES_TRIALS, seed: run?.seed, sampling: run?.sampling });
    } finally {
      setRunningLarger(false);
    }
  };

  return (
    <div class="page actuals-page">
      <h2 class="page-title">Actuals: what happened after launch, against the forecast</h2>
      <Show when={noRun()}>
        <RunFirst context={props.context} />
      </Show>
      <Show when={actuals.report()?.error}>
        <ErrorNotice error={actuals.report()?.error} onRetry={() => actuals.reload()} />
      </Show>
      <Show when={report()}>
        {(r) => (
          <>
            <p class="source-note">
              Scored against stored run <code>{r().runId.slice(0, 8)}</code> of version {r().caseVersion}.
            </p>
            <div class="two-columns">
              <RegatePanel
                reasons={r().regate.reasons}
                flagged={r().regate.flagged}
                regate={actuals.regate}
                labelOf={labelOf}
                formatSeriesValue={(id, value) => seriesValue(format(), unitOf(id))(value)}
                format={format()}
              />
              <Show
                when={r().updatedForecast?.npv.updated ? r().updatedForecast : null}
                fallback={
                  <section class="panel" data-testid="updated-forecast-empty">
                    <h3>The forecast updated by the actuals</h3>
                    <p class="muted">Enter actuals to see the NPV, P(NPV &gt; 0) and payback updated by them.</p>
                    <Show when={r().updatedForecast?.message}>
                      <p>{r().updatedForecast?.message}</p>
                    </Show>
                  </section>
                }
              >
                {(forecast) => (
                  <UpdatedForecastPanel
                    forecast={forecast()}
                    format={format()}
                    largerRunTrials={largerTrials()}
                    runningLarger={runningLarger()}
                    onLargerRun={() => void largerRun()}
                  />
                )}
              </Show>
            </div>
          </>
        )}
      </Show>
      <ActualsGrid months={months()} series={columns()} stored={stored()} save={actuals.saveRows} />
      <CsvImport save={actuals.saveCsv} series={columns()} />
      <Show when={actuals.historyError()}>
        <ErrorNotice error={actuals.historyError()} />
      </Show>
      <ActualsHistory changes={actuals.history()} format={format()} labelOf={labelOf} unitOf={unitOf} />
      <Show when={report()}>
        {(r) => (
          <>
            <h3>Each series against its forecast</h3>
            <Show when={observed().length} fallback={<p class="muted">No actual entered yet: each series shows its forecast once one is.</p>}>
              <For each={observed()}>{(series) => <SeriesScore series={series} format={format()} />}</For>
            </Show>
            <Show when={unobserved().length}>
              <details class="panel">
                <summary>Series without actuals ({unobserved().length})</summary>
                <For each={unobserved()}>{(series) => <SeriesScore series={series} format={format()} />}</For>
              </details>
            </Show>
            <DurableList durable={r().durable} />
          </>
        )}
      </Show>
    </div>
  );
};
