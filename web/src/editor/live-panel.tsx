import { For, Show, type Component } from 'solid-js';
import { FanChart } from '../charts/fan-chart.tsx';
import { HistogramChart } from '../charts/histogram-chart.tsx';
import { KeyFigures } from '../components/key-figures.tsx';
import { describeIssue } from '../lib/case-issues.ts';
import { formatDuration } from '../lib/format.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import type { LivePreview } from '../stores/live-preview.ts';

/**
 * The live results beside the editor: 10,000 trials re-run in a worker after each edit.
 * The panel carries the preview's revision and the measured edit-to-chart time as data
 * attributes, which the benchmark reads.
 */
export const LivePanel: Component<{ draft: CaseDraft; preview: LivePreview }> = (props) => {
  const issues = () => props.draft.validation().issues.all;
  return (
    <aside
      class="live-panel"
      aria-label="Live results"
      data-testid="live-panel"
      data-revision={props.preview.result()?.revision ?? -1}
      data-latency-ms={props.preview.latency()?.toFixed(1) ?? ''}
    >
      <header class="live-header">
        <h2>Live results</h2>
        <span class="live-status" role="status" aria-live="polite">
          <Show when={!props.draft.validation().ok} fallback={props.preview.updating() ? 'Updating…' : 'Up to date'}>
            {issues().length > 0
              ? `Paused: fix ${issues().length} problem${issues().length === 1 ? '' : 's'}`
              : 'Paused: a draft; see the to-do list for what it needs before it can run'}
          </Show>
        </span>
      </header>
      <Show when={!props.draft.validation().ok}>
        <ol class="issue-list" aria-label="Problems in the case">
          <For each={issues().slice(0, 8)}>{(issue) => <li title={issue.path}>{describeIssue(props.draft.document, issue).text}</li>}</For>
        </ol>
      </Show>
      <Show when={props.preview.error()}>
        <p class="notice notice-error">{props.preview.error()}</p>
      </Show>
      <Show when={props.preview.result()} fallback={<p class="muted">Simulating 10,000 trials…</p>}>
        {(result) => (
          <div classList={{ stale: !props.draft.validation().ok || props.preview.updating() }}>
            <KeyFigures summary={result().summary} format={props.draft.format()} compact />
            <HistogramChart
              title="NPV distribution"
              testId="live-npv-histogram"
              histogram={result().summary.outputs.npv.histogram}
              total={result().summary.outputs.npv.finiteCount}
              xLabel={`NPV (${props.draft.format().currency}) →`}
              formatX={props.draft.format().moneyCompact}
              signed
              height={190}
              onRendered={() => props.preview.reportRendered(result())}
            />
            <FanChart
              title="Cumulative net cash flow (P10–P90)"
              fan={result().summary.cashFlowFan}
              formatMoney={props.draft.format().money}
              formatMoneyCompact={props.draft.format().moneyCompact}
              height={180}
            />
            <p class="run-footnote">
              {props.draft.format().count(result().settings.trials)} trials · seed {result().settings.seed} ·{' '}
              {result().settings.sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'} · in your browser ·{' '}
              <span data-testid="live-latency">updated {props.preview.latency() === null ? '' : formatDuration(props.preview.latency()!)} after the edit</span>{' '}
              (engine {formatDuration(result().timings.validate + result().timings.simulate + result().timings.summarize)})
            </p>
          </div>
        )}
      </Show>
    </aside>
  );
};
