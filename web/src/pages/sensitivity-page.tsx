import { createResource, createSignal, For, Show, Suspense, type Component } from 'solid-js';
import type { BreakEvenRow } from '../../../models/analysis/break-even-analysis.ts';
import type { SobolAnalysisResult } from '../../../models/analysis/sobol-analysis.ts';
import type { SpiderResult } from '../../../models/analysis/spider-analysis.ts';
import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import { SobolChart } from '../charts/sobol-chart.tsx';
import { SpiderChart } from '../charts/spider-chart.tsx';
import { TornadoChart } from '../charts/tornado-chart.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { chartValue, outputAxis, outputOptions, OutputPicker } from '../components/output-picker.tsx';
import { RequireRun } from '../components/require-run.tsx';
import { loadAnalysis } from '../lib/analysis-loader.ts';
import type { RunResource } from '../lib/api-types.ts';
import { formatUnitValue } from '../lib/units.ts';
import type { CaseContext } from '../stores/case-context.ts';

const SOBOL_SIZES = [1024, 4096, 16384];

/**
 * Tornado, spider and Sobol indices with confidence intervals for any summarised output
 * or custom metric of the run (NPV by default), and the break-even table (NPV = 0).
 */
export const SensitivityPage: Component<{ context: CaseContext }> = (props) => {
  const [output, setOutput] = createSignal('npv');
  const format = () => props.context.session.draft.format();
  const option = () => outputOptions(props.context.runs.latest()?.summary, format().currency).find((o) => o.id === output());
  return (
    <div class="page sensitivity-page">
      <h2 class="page-title">Sensitivity: what drives {option()?.label.replace(/ \(.*\)$/, '') ?? 'NPV'}</h2>
      <RequireRun context={props.context} what="Sensitivity analyses">
        {(run) => (
          <>
            <div class="panel-toolbar" data-testid="sensitivity-output">
              <OutputPicker summary={run.summary} currency={format().currency} value={output()} onChange={setOutput} label="Output to explain" />
            </div>
            <SensitivityAnalyses context={props.context} run={run} output={output()} />
          </>
        )}
      </RequireRun>
    </div>
  );
};

/** The analysis request's output: left out for NPV, so analyses stored before the picker are reused. */
const outputParam = (output: string): { output?: string } => (output === 'npv' ? {} : { output });

const SensitivityAnalyses: Component<{ context: CaseContext; run: RunResource; output: string }> = (props) => {
  const format = () => props.context.session.draft.format();
  const summaryOf = () => props.run.summary?.outputs[props.output];
  const horizon = () => props.context.session.draft.document.horizonMonths;
  const axis = () => outputAxis(format(), props.output, summaryOf()?.unit ?? 'currency', summaryOf()?.label, horizon());
  const value = (v: number | string): number => chartValue(v, props.output, horizon());
  const tornadoForChart = (result: TornadoResult): TornadoResult => ({
    ...result,
    baselineOutput: value(result.baselineOutput),
    bars: result.bars.map((bar) => ({ ...bar, outputAtLow: value(bar.outputAtLow), outputAtHigh: value(bar.outputAtHigh) })),
  });
  const spiderForChart = (result: SpiderResult): SpiderResult => ({
    ...result,
    baselineOutput: value(result.baselineOutput),
    series: result.series.map((line) => ({ ...line, outputs: line.outputs.map(value) })),
  });
  const [tornado] = createResource(
    () => ({ id: props.run.id, output: props.output }),
    (key) => loadAnalysis<TornadoResult>(key.id, { kind: 'tornado', ...outputParam(key.output) }),
  );
  const [spider] = createResource(
    () => ({ id: props.run.id, output: props.output }),
    (key) => loadAnalysis<SpiderResult>(key.id, { kind: 'spider', ...outputParam(key.output) }),
  );
  const [breakEven] = createResource(
    () => props.run.id,
    (id) => loadAnalysis<BreakEvenRow[] | { rows: BreakEvenRow[] }>(id, { kind: 'breakeven' }),
  );
  const [baseSamples, setBaseSamples] = createSignal(4096);
  const [sobol] = createResource(
    () => ({ id: props.run.id, n: baseSamples(), output: props.output }),
    (key) => loadAnalysis<SobolAnalysisResult>(key.id, { kind: 'sobol', baseSamples: key.n, ...outputParam(key.output) }),
  );
  const allBreakEven = (): BreakEvenRow[] => {
    const result = breakEven()?.result;
    if (!result) return [];
    return Array.isArray(result) ? result : result.rows;
  };
  // Inputs that can flip the sign first, the most likely flip (percentile nearest the middle) on top.
  const breakEvenRows = (): BreakEvenRow[] =>
    allBreakEven()
      .filter((row) => row.value !== null)
      .sort((a, b) => Math.abs((a.percentile ?? 0) - 0.5) - Math.abs((b.percentile ?? 0) - 0.5));
  const noCrossing = (): BreakEvenRow[] => allBreakEven().filter((row) => row.value === null);
  const percentileText = (p: number | null): string => (p === null ? '—' : p < 0.01 || p > 0.99 ? `P${(p * 100).toFixed(1)}` : `P${Math.round(p * 100)}`);
  return (
    <>
      <section class="panel" data-testid="tornado">
        <Suspense fallback={<p class="muted">Computing the tornado…</p>}>
          <Show when={tornado.error}>
            <ErrorNotice error={tornado.error} />
          </Show>
          <Show when={tornado()}>
            {(analysis) => (
              <>
                <TornadoChart result={tornadoForChart(analysis().result)} format={format()} axis={axis()} />
                {/* Stored tornado analyses from before warnings existed have none. */}
                <For each={analysis().result.warnings ?? []}>{(warning) => <p class="notice-inline">⚠ {warning}</p>}</For>
              </>
            )}
          </Show>
        </Suspense>
      </section>
      <section class="panel" data-testid="spider">
        <Suspense fallback={<p class="muted">Computing the spider plot…</p>}>
          <Show when={spider.error}>
            <ErrorNotice error={spider.error} />
          </Show>
          <Show when={spider()}>{(analysis) => <SpiderChart result={spiderForChart(analysis().result)} format={format()} axis={axis()} />}</Show>
        </Suspense>
      </section>
      <section class="panel" data-testid="sobol">
        <div class="panel-toolbar">
          <label for="sobol-size">Sobol base samples</label>
          <select id="sobol-size" value={String(baseSamples())} onChange={(e) => setBaseSamples(Number(e.currentTarget.value))}>
            <For each={SOBOL_SIZES}>
              {(size) => (
                <option value={size} selected={size === baseSamples()}>
                  {format().count(size)}
                </option>
              )}
            </For>
          </select>
          <span class="muted">More samples, narrower intervals, longer wait.</span>
        </div>
        <Suspense fallback={<p class="muted">Computing Sobol indices on the server…</p>}>
          <Show when={sobol.error}>
            <ErrorNotice error={sobol.error} />
          </Show>
          <Show when={sobol()}>
            {(analysis) => (
              <>
                <SobolChart result={analysis().result} outputName={axis().name} />
                <p class="muted">
                  {format().count(analysis().result.evaluations)} model evaluations.
                  <For each={analysis().result.warnings}>{(warning) => <span class="notice-inline"> ⚠ {warning}</span>}</For>
                </p>
              </>
            )}
          </Show>
        </Suspense>
      </section>
      <section class="panel" data-testid="break-even">
        <h3>Break-even values</h3>
        <Show when={props.output !== 'npv'}>
          <p class="muted" data-testid="break-even-npv">
            Break-even values are always for NPV = 0, whichever output is chosen above.
          </p>
        </Show>
        <Suspense fallback={<p class="muted">Searching break-even values…</p>}>
          <table class="data-table">
            <caption>Inputs that alone can make mean NPV zero (the others keeping their distributions), most plausible first</caption>
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col" class="num">
                  Break-even value
                </th>
                <th scope="col" class="num">
                  Its percentile
                </th>
                <th scope="col">Searched range</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              <For each={breakEvenRows()}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.label}</th>
                    <td class="num">{row.value === null ? '—' : formatUnitValue(format(), row.value, row.unit)}</td>
                    <td class="num">{percentileText(row.percentile)}</td>
                    <td>
                      {formatUnitValue(format(), row.rangeLow, row.unit)} to {formatUnitValue(format(), row.rangeHigh, row.unit)}
                    </td>
                    <td>
                      {row.reason ??
                        (row.percentile !== null && (row.percentile < 0.1 || row.percentile > 0.9) ? 'far in the tail: unlikely to flip the sign' : '')}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={noCrossing().length}>
            <details class="muted">
              <summary>No break-even within the searched range for {noCrossing().length} inputs: none of them alone can make mean NPV zero</summary>
              <p>
                {noCrossing()
                  .map((row) => row.label)
                  .join('; ')}
                .
              </p>
            </details>
          </Show>
        </Suspense>
      </section>
    </>
  );
};
