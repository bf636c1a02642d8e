import { Show, type Component, type JSX } from 'solid-js';
import type { RunResource } from '../lib/api-types.ts';
import type { CaseContext } from '../stores/case-context.ts';
import { StatusBadge } from './status-badge.tsx';
import { factorsText } from '../../../models/evidence/representativeness-factors.ts';

/**
 * Pages that analyse a stored run show it when there is one, and otherwise offer to
 * start one with the case's defaults, rather than a blank page. A run of an older version
 * (say, before a measurement was recorded) offers to run the current one in place.
 */
export const RequireRun: Component<{ context: CaseContext; children: (run: RunResource) => JSX.Element; what: string }> = (props) => {
  const start = async (): Promise<void> => {
    if (props.context.session.saveState() === 'pending') await props.context.session.saveNow();
    const sim = props.context.session.draft.document.simulation;
    await props.context.runs.start({ trials: sim?.trials ?? 10_000, seed: sim?.seed, sampling: sim?.sampling });
  };
  const hasEvidence = (): boolean => Object.values(props.context.session.draft.document.inputs ?? {}).some((input) => input?.evidence);
  return (
    <Show
      when={props.context.runs.latest()}
      fallback={
        <div class="panel empty-state">
          <p>{props.what} work on a stored server run, so every figure can be traced to a version, a seed and a trial count.</p>
          <Show
            when={props.context.runs.progress()}
            fallback={
              <button type="button" class="button-primary" onClick={() => void start()} disabled={props.context.runs.loading()}>
                Run the case on the server
              </button>
            }
          >
            {(p) => (
              <p>
                <StatusBadge status={p().status} /> {p().done} of {p().total} trials
                <progress max={p().total || 1} value={p().done} aria-label="Run progress" />
              </p>
            )}
          </Show>
        </div>
      }
    >
      {(run) => (
        <>
          <p class="source-note">
            From stored run <code>{run().id.slice(0, 8)}</code> of version {run().caseVersion}: {props.context.session.draft.format().count(run().trials)}{' '}
            trials, seed {run().seed}, {run().sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}
            <Show when={hasEvidence() && run().representativenessFactors}>{(factors) => <>, evidence weighed by the factors {factorsText(factors())}</>}</Show>.
            <Show when={run().caseVersion !== props.context.session.resource().currentVersion}>
              {' '}
              <strong>The case has changed since (now version {props.context.session.resource().currentVersion}); run it again for current figures.</strong>{' '}
              <Show
                when={props.context.runs.progress()}
                fallback={
                  <button type="button" class="button-secondary" onClick={() => void start()} disabled={props.context.runs.loading()} data-testid="rerun">
                    Run version {props.context.session.resource().currentVersion} now
                  </button>
                }
              >
                {(p) => (
                  <span>
                    <StatusBadge status={p().status} /> {p().done} of {p().total} trials
                  </span>
                )}
              </Show>
            </Show>
          </p>
          {props.children(run())}
        </>
      )}
    </Show>
  );
};
