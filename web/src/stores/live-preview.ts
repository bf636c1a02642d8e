import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import { createSimulationClient, type SimulationClient } from '../workers/simulation-client.ts';
import type { SimulationSettings, WorkerTimings } from '../workers/simulation-protocol.ts';
import type { CaseDraft } from './case-draft.ts';
import { portfolioFactors } from '../lib/portfolio-rules-api.ts';

/** Trials of the live preview: enough for stable percentiles, fast enough to follow typing. */
export const LIVE_PREVIEW_TRIALS = 10_000;

export interface LivePreviewResult {
  summary: RunSummary;
  settings: SimulationSettings;
  /** Draft revision the summary belongs to. */
  revision: number;
  /** performance.now() of the edit that led to this result. */
  editedAt: number;
  /** performance.now() when the worker's answer arrived. */
  receivedAt: number;
  timings: WorkerTimings;
}

export interface LivePreview {
  result: Accessor<LivePreviewResult | null>;
  /** True while the worker computes a newer revision than the one shown. */
  updating: Accessor<boolean>;
  /** An engine error the validation did not catch, or issues from the worker. */
  error: Accessor<string | null>;
  issues: Accessor<CaseIssue[]>;
  settings: Accessor<SimulationSettings>;
  setSettings(settings: Partial<SimulationSettings>): void;
  /** Latency of the last chart update: edit → chart drawn (set by the chart that shows it). */
  latency: Accessor<number | null>;
  reportRendered(result: LivePreviewResult): void;
}

/**
 * Re-simulates the draft in a Web Worker after every valid edit, with the case's own
 * seed and sampling (or the engine defaults) and the portfolio's representativeness factors, so the preview is the run the server
 * would make with the same settings.
 *
 * @example
 * const preview = createLivePreview(draft);
 * preview.result()?.summary.outputs.npv.percentiles.p50
 */
export function createLivePreview(draft: CaseDraft, client: SimulationClient = createSimulationClient()): LivePreview {
  const [result, setResult] = createSignal<LivePreviewResult | null>(null);
  const [updating, setUpdating] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [issues, setIssues] = createSignal<CaseIssue[]>([]);
  const [latency, setLatency] = createSignal<number | null>(null);
  const [override, setOverride] = createSignal<Partial<SimulationSettings>>({});
  let latestRequested = 0;
  let lastReported = -1;

  const settings = (): SimulationSettings => {
    const defaults = draft.document.simulation;
    return {
      trials: LIVE_PREVIEW_TRIALS,
      seed: override().seed ?? defaults?.seed ?? 1,
      sampling: override().sampling ?? defaults?.sampling ?? 'lhs',
      representativenessFactors: portfolioFactors(),
      ...(override().trials ? { trials: override().trials! } : {}),
    };
  };

  createEffect(
    // The portfolio's factors arrive after the first draft: the preview follows them too.
    on([draft.revision, override, portfolioFactors], () => {
      if (!draft.validation().ok) {
        setUpdating(false);
        return;
      }
      const revision = draft.revision();
      const editedAt = draft.editedAt();
      const current = settings();
      latestRequested = revision;
      setUpdating(true);
      void client.request(draft.snapshot(), current).then((response) => {
        if (!response) return; // superseded by a newer edit
        if (revision === latestRequested) setUpdating(false);
        if (response.ok) {
          setError(null);
          setIssues([]);
          setResult({ summary: response.summary, settings: current, revision, editedAt, receivedAt: performance.now(), timings: response.timings });
        } else if (response.issues) setIssues(response.issues);
        else setError(response.error);
      });
    }),
  );

  onCleanup(() => client.dispose());

  return {
    result,
    updating,
    error,
    issues,
    settings,
    setSettings: (next) => setOverride((previous) => ({ ...previous, ...next })),
    latency,
    reportRendered(rendered) {
      // Once per result: later redraws (a resize) are not part of the edit's latency.
      if (rendered.editedAt <= 0 || rendered.revision === lastReported) return;
      lastReported = rendered.revision;
      const done = (): void => void setLatency(performance.now() - rendered.editedAt);
      // The chart is in the DOM now; the next frame is when the user sees it.
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(done);
      else done();
    },
  };
}
