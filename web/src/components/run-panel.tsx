import { createSignal, For, Show, type Component } from 'solid-js';
import type { CaseFormat } from '../lib/format.ts';
import { formatDuration } from '../lib/format.ts';
import { isEditor } from '../stores/me-store.ts';
import type { CaseContext } from '../stores/case-context.ts';
import { NumberField } from './number-field.tsx';
import { StatusBadge } from './status-badge.tsx';

const TRIAL_CHOICES = [10_000, 50_000, 100_000, 250_000, 1_000_000];
/** Precision-control targets offered: the 95 % CI of the mean NPV within ± this share of it. */
const PRECISION_CHOICES = [0.05, 0.02, 0.01, 0.005];

/**
 * Stored runs on the server: trials, seed and sampling, a progress bar fed by the run's
 * server-sent events, and the run list. A stored run is what the gate and decisions cite.
 */
export const RunPanel: Component<{ context: CaseContext; format: CaseFormat }> = (props) => {
  const defaults = () => props.context.session.draft.document.simulation;
  const [trials, setTrials] = createSignal(defaults()?.trials ?? 100_000);
  const [seed, setSeed] = createSignal<number | undefined>(defaults()?.seed ?? 1);
  const [sampling, setSampling] = createSignal<'mc' | 'lhs'>(defaults()?.sampling ?? 'lhs');
  // 0: a fixed size. Otherwise the run sizes itself and Trials is its ceiling.
  const [precision, setPrecision] = createSignal(0);
  // The case's own trial count (20,000 in the fixtures) is offered beside the usual sizes; without it the field showed blank.
  const trialChoices = () => [...new Set([...TRIAL_CHOICES, trials()])].sort((a, b) => a - b);
  const progress = () => props.context.runs.progress();
  const running = () => {
    const p = progress();
    return Boolean(p && (p.status === 'queued' || p.status === 'running'));
  };
  const unsaved = () => props.context.session.saveState() !== 'saved';

  const start = async (): Promise<void> => {
    // A stored run must cite a stored version: save pending edits first.
    if (props.context.session.saveState() === 'pending') await props.context.session.saveNow();
    await props.context.runs.start({
      trials: trials(),
      seed: seed(),
      sampling: sampling(),
      version: props.context.session.resource().currentVersion,
      ...(precision() > 0 ? { precision: { relativeHalfWidth: precision() } } : {}),
    });
  };

  return (
    <section class="panel run-panel" aria-labelledby="run-panel-title" data-testid="run-panel">
      <h2 id="run-panel-title">Run on the server</h2>
      <div class="run-form">
        <div class="field">
          <label for="run-precision">Size</label>
          <select id="run-precision" value={String(precision())} onChange={(e) => setPrecision(Number(e.currentTarget.value))}>
            <option value="0">Fixed trials</option>
            <For each={PRECISION_CHOICES}>{(share) => <option value={share}>Mean NPV ±{props.format.percent(share, 1)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="run-trials">{precision() > 0 ? 'At most (trials)' : 'Trials'}</label>
          <select id="run-trials" value={String(trials())} onChange={(e) => setTrials(Number(e.currentTarget.value))}>
            <For each={trialChoices()}>
              {(choice) => (
                <option value={choice} selected={choice === trials()}>
                  {props.format.count(choice)}
                </option>
              )}
            </For>
          </select>
        </div>
        <NumberField label="Seed" value={seed()} onChange={setSeed} optional hint="Same seed, same numbers" />
        <div class="field">
          <label for="run-sampling">Sampling</label>
          <select id="run-sampling" value={sampling()} onChange={(e) => setSampling(e.currentTarget.value as 'mc' | 'lhs')}>
            <option value="lhs">Latin hypercube</option>
            <option value="mc">Plain Monte Carlo</option>
          </select>
        </div>
        <button
          type="button"
          class="button-primary"
          disabled={running() || !isEditor() || props.context.session.saveState() === 'invalid'}
          onClick={() => void start()}
        >
          {precision() > 0
            ? `Run until mean NPV ±${props.format.percent(precision(), 1)}, at most ${props.format.count(trials())} trials`
            : `Run ${props.format.count(trials())} trials on the server`}
        </button>
        <Show when={running()}>
          <button type="button" class="button-secondary" onClick={() => void props.context.runs.cancel()}>
            Cancel
          </button>
        </Show>
      </div>
      <Show when={precision() > 0}>
        <p class="muted" data-testid="precision-note">
          The run starts at {props.format.count(16_384)} trials and doubles until the 95 % confidence interval of the mean NPV is within ±
          {props.format.percent(precision(), 1)} of it, or the ceiling is reached. It stores the size it chose, so its settings repeat it.
        </p>
      </Show>
      <Show when={unsaved() && !running()}>
        <p class="muted">The run uses the saved version {props.context.session.resource().currentVersion}; unsaved edits are saved first.</p>
      </Show>
      <Show when={progress()}>
        {(p) => (
          <div class="run-progress" data-testid="run-progress" data-status={p().status}>
            <label for="run-progress-bar">
              <StatusBadge status={p().status} /> {props.format.count(p().done)} of {props.format.count(p().total)} trials (
              {props.format.percent(p().total ? p().done / p().total : 0, 0)})
              {p().status === 'succeeded' ? ` · ${formatDuration(performance.now() - p().startedAt)}` : ''}
            </label>
            <progress id="run-progress-bar" max={p().total || 1} value={p().done} />
          </div>
        )}
      </Show>
      <Show when={props.context.runs.error()}>
        <p class="notice notice-error" role="alert">
          Run failed: {props.context.runs.error()}
        </p>
      </Show>
      <Show when={props.context.runs.runs().length > 0}>
        <table class="data-table compact">
          <caption>Stored runs (newest first)</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Version</th>
              <th scope="col" class="num">
                Trials
              </th>
              <th scope="col" class="num">
                Seed
              </th>
              <th scope="col">Sampling</th>
              <th scope="col">Status</th>
              <th scope="col">Finished</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.context.runs.runs().slice(0, 6)}>
              {(run) => (
                <tr>
                  <td>
                    <code>{run.id.slice(0, 8)}</code>
                  </td>
                  <td>v{run.caseVersion}</td>
                  <td class="num">{props.format.count(run.trials)}</td>
                  <td class="num">{run.seed}</td>
                  <td>{run.sampling === 'lhs' ? 'LHS' : 'MC'}</td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>{props.format.dateTime(run.finishedAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
};
